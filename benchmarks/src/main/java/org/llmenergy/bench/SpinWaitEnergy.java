package org.llmenergy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.io.Json;

/**
 * What spin-waiting OpenMP threads add to the CPU-time energy estimate of decode, on a loaded machine. Runs
 * {@code llm-energy run} (tiny-15m, CPU, cpu-estimate meter) in child JVMs, alternating pair by pair: the
 * baseline with libgomp's default wait policy ({@code -Dllmenergy.ompWaitPolicy=default}, what the toolkit did
 * before issue 10) and the toolkit's passive policy. Prints each run's decode joules and CPU seconds, the
 * medians, their ratio, and the load average before and after (the machine is shared; the load is the point).
 * Goal: passive decode energy no more than the default's (ratio <= 1).
 *
 * <p>Usage, from the repository root after {@code mvn -q -B -DskipTests package}:
 * {@code java -cp "toolkit/target/classes:benchmarks/target/classes:$(cat toolkit/target/classpath.txt)"
 * org.llmenergy.bench.SpinWaitEnergy [pairs=5] [input=64] [output=65] [threads=2]}
 */
public final class SpinWaitEnergy {
    private SpinWaitEnergy() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String input = args.length > 1 ? args[1] : "64";
        String output = args.length > 2 ? args[2] : "65";
        String threads = args.length > 3 ? args[3] : "2";
        System.out.println("load average before: " + load());
        List<Double> dflt = new ArrayList<>();
        List<Double> passive = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            dflt.add(decodeJoules(true, input, output, threads, i));
            passive.add(decodeJoules(false, input, output, threads, i));
        }
        System.out.println("load average after:  " + load());
        double d = median(dflt);
        double p = median(passive);
        System.out.printf(Locale.ROOT, "decode energy (cpu-time estimate), median of %d: libgomp default %.3f J,"
                + " passive %.3f J; passive/default = %.3f%n", pairs, d, p, p / d);
    }

    private static double decodeJoules(boolean engineDefault, String input, String output, String threads, int i)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
        if (engineDefault) cmd.add("-Dllmenergy.ompWaitPolicy=default");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.llmenergy.cli.Main", "run",
                "--model", "tiny-15m", "--batch", "1", "--input", input, "--output", output, "--threads", threads,
                "--warmup", "1", "--repeats", "3", "--meter", "cpu-estimate", "--format", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("OMP_WAIT_POLICY");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new IllegalStateException("run exited " + p.exitValue());
        JsonNode doc = Json.mapper().readTree(new String(out, StandardCharsets.UTF_8));
        double joules = 0;
        double cpuS = 0;
        for (JsonNode r : doc.get("energy").get("repeats")) {
            JsonNode total = r.get("decode").get("total");
            joules += total.get("joules").asDouble();
            cpuS += total.get("joules").asDouble()
                    / Double.parseDouble(total.get("provenance").get("details").get("wattsPerThread").asText());
        }
        double decodeS = doc.get("summary").get("decode_s").get("mean").asDouble() * 3;
        System.out.printf(Locale.ROOT, "pair %d %-8s decode %.3f J, %.2f CPU-s in %.2f s wall (3 repeats)%n", i,
                engineDefault ? "default" : "passive", joules, cpuS, decodeS);
        return joules;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
