package org.llmenergy.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.Trace;
import org.llmenergy.workload.TraceProfile;

/**
 * Streams a 27,000,000-row trace in the Azure 2024 layout through binning and exact statistics
 * ({@link TraceProfile}) and compares its rows/s with the floor: reading the same file's lines with a plain
 * {@link BufferedReader} in the same run. Goal: within 2x of the floor, under 256 MB of heap (run with
 * -Xmx256m). The file is generated once (about 1.2 GB) under {@code benchmarks/target/bench-data/}.
 *
 * <p>Arguments (optional): rows (default 27000000), file (default benchmarks/target/bench-data/azure-2024-&lt;rows&gt;.csv),
 * rounds (default 3).
 */
public final class BinningBenchmark {
    private BinningBenchmark() {}

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 27_000_000L;
        Path file = args.length > 1 ? Path.of(args[1]) : Path.of("benchmarks/target/bench-data/azure-2024-" + rows + ".csv");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.isRegularFile(file)) generate(file, rows);
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "file %s: %d rows, %.2f GB; max heap %d MB; %d rounds%n", file, rows, bytes / 1e9,
                Runtime.getRuntime().maxMemory() >> 20, rounds);
        // The first pass warms the page cache (and the JIT) for both contenders.
        floor(file);
        double bestFloor = Double.MAX_VALUE;
        double bestOurs = Double.MAX_VALUE;
        long peakFloor = 0;
        long peakOurs = 0;
        for (int r = 1; r <= rounds; r++) {
            HeapPeaks.resetPeaks();
            long t0 = System.nanoTime();
            long lines = floor(file);
            double floorS = (System.nanoTime() - t0) / 1e9;
            peakFloor = Math.max(peakFloor, HeapPeaks.peakHeap());
            HeapPeaks.resetPeaks();
            t0 = System.nanoTime();
            TraceProfile p = TraceProfile.of(Trace.open(file), Binning.paper());
            double oursS = (System.nanoTime() - t0) / 1e9;
            peakOurs = Math.max(peakOurs, HeapPeaks.peakHeap());
            if (lines - 1 != p.read().rows()) throw new IllegalStateException("row counts differ: " + lines + " vs " + p.read().rows());
            System.out.printf(Locale.ROOT, "round %d: floor %.2f s (%.1f M rows/s); binning+stats %.2f s (%.1f M rows/s); ratio %.2f"
                            + "  [input mean %.2f p99 %.0f; binned %d, excluded %d]%n",
                    r, floorS, rows / floorS / 1e6, oursS, rows / oursS / 1e6, oursS / floorS,
                    p.inputStats().mean(), p.inputStats().p99(), p.binned().total(), p.binned().excluded());
            bestFloor = Math.min(bestFloor, floorS);
            bestOurs = Math.min(bestOurs, oursS);
        }
        System.out.printf(Locale.ROOT, "best: floor %.1f M rows/s, binning+stats %.1f M rows/s, time ratio %.2f (goal <= 2.00)%n",
                rows / bestFloor / 1e6, rows / bestOurs / 1e6, bestOurs / bestFloor);
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks, an upper bound): floor %d MB, binning+stats %d MB (goal < 256 MB)%n",
                peakFloor >> 20, peakOurs >> 20);
    }

    /** The floor: every line read as a String by a plain BufferedReader, nothing else. */
    private static long floor(Path file) throws IOException {
        long lines = 0;
        long chars = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines++;
                chars += line.length();
            }
        }
        if (chars == 0) throw new IllegalStateException("empty file");
        return lines;
    }


    /**
     * Writes {@code rows} rows like {@code 2024-05-10 00:00:00.009930+00:00,374,44}: arrivals spread over a
     * week, input and output lengths log-uniform (some above the paper's largest bins), to a temporary file
     * then moved into place.
     */
    static void generate(Path file, long rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        System.out.printf(Locale.ROOT, "generating %s (%d rows, once)...%n", file, rows);
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(2024);
        long weekMicros = 7L * 86_400 * 1_000_000;
        byte[] line = new byte[64];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write("TIMESTAMP,ContextTokens,GeneratedTokens\n".getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < rows; i++) {
                long micros = (long) ((double) i / rows * weekMicros);
                int day = (int) (micros / 86_400_000_000L);
                long inDay = micros % 86_400_000_000L;
                int n = 0;
                n = put(line, n, "2024-05-");
                n = digits(line, n, 10 + day, 2);
                line[n++] = ' ';
                n = digits(line, n, (int) (inDay / 3_600_000_000L), 2);
                line[n++] = ':';
                n = digits(line, n, (int) (inDay / 60_000_000L % 60), 2);
                line[n++] = ':';
                n = digits(line, n, (int) (inDay / 1_000_000L % 60), 2);
                line[n++] = '.';
                n = digits(line, n, (int) (inDay % 1_000_000L), 6);
                n = put(line, n, "+00:00,");
                n = number(line, n, 1 + (int) Math.exp(rnd.nextDouble() * 9.5));
                line[n++] = ',';
                n = number(line, n, 1 + (int) Math.exp(rnd.nextDouble() * 7.0));
                line[n++] = '\n';
                out.write(line, 0, n);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static int put(byte[] b, int n, String s) {
        for (int k = 0; k < s.length(); k++) b[n++] = (byte) s.charAt(k);
        return n;
    }

    private static int digits(byte[] b, int n, int v, int width) {
        for (int k = width - 1; k >= 0; k--) {
            b[n + k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return n + width;
    }

    private static int number(byte[] b, int n, int v) {
        int width = v >= 10_000 ? 5 : v >= 1000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1;
        return digits(b, n, v, width);
    }
}
