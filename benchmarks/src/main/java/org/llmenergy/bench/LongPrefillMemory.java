package org.llmenergy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.inference.EngineOptions;
import org.llmenergy.inference.InferenceEngine;
import org.llmenergy.inference.ModelSource;
import org.llmenergy.inference.RunResult;
import org.llmenergy.inference.RunSpec;
import org.llmenergy.model.LmHeadPolicy;
import org.llmenergy.model.MemoryAssumptions;
import org.llmenergy.model.MemoryFootprint;
import org.llmenergy.model.MemoryModel;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;

/**
 * Prefill of long prompts on the DJL engine: time, and the process's measured peak resident memory against what
 * {@link MemoryModel} predicts for this engine (fp32, contiguous KV cache, chunked prefill of
 * {@link EngineOptions#maxPrefillTokens()} tokens per pass, materialised attention scores) and against the
 * activation budget the engine itself checks before a run ({@link InferenceEngine#prefillActivationBytes}). Both
 * predictions add the process's resident memory after loading (JVM, libtorch, weights), measured here, to the KV
 * cache and the activations; the weights are not added twice.
 *
 * <pre>
 * java -cp "toolkit/target/classes:benchmarks/target/classes:$(cat toolkit/target/classpath.txt)" \
 *     org.llmenergy.bench.LongPrefillMemory [--model small-100m] [--threads 2] [--inputs 2048,8192] [--batch 1]
 *     [--max-prefill-tokens 2048] [--max-attention-mib 256]
 * </pre>
 */
public final class LongPrefillMemory {
    private LongPrefillMemory() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        ModelConfig config = Presets.get(opt.getOrDefault("model", "small-100m"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "1"));
        int[] inputs = Arrays.stream(opt.getOrDefault("inputs", "2048,8192").split(",")).mapToInt(Integer::parseInt).toArray();
        EngineOptions options = EngineOptions.cpu().withThreads(threads).withMaxPrefillTokens(
                Integer.parseInt(opt.getOrDefault("max-prefill-tokens", String.valueOf(EngineOptions.DEFAULT_MAX_PREFILL_TOKENS))))
                .withMaxAttentionBytes(Long.parseLong(opt.getOrDefault("max-attention-mib",
                        String.valueOf(EngineOptions.DEFAULT_MAX_ATTENTION_BYTES >> 20))) << 20);
        MemoryModel model = new MemoryModel(config, new MemoryAssumptions(Precision.FP32, Precision.FP32, Precision.FP32,
                1.0, 0, 1, options.maxPrefillTokens(), LmHeadPolicy.LAST_POSITION, true, 1024));
        System.out.printf(Locale.ROOT, "model %s, fp32, threads %d, batch %d, %d tokens per pass, attention scores <= %d MiB, load average %.2f%n",
                config.name(), threads, batch, options.maxPrefillTokens(), options.maxAttentionBytes() >> 20, loadAverage());
        try (InferenceEngine engine = InferenceEngine.load(new ModelSource.RandomWeights(config, 0), options)) {
            engine.run(RunSpec.greedy(1, 16, 1, 0)); // libtorch's lazy initialisation is part of the baseline
            long base = residentBytes();
            System.out.printf(Locale.ROOT, "resident after load (JVM, libtorch, %.0f MB of weights): %.0f MB%n",
                    model.weightBytes() / 1e6, base / 1e6);
            System.out.println("input  prefill s  tok/s  measured peak MB  MemoryModel MB (KV + activations)  /measured  engine budget MB (KV + activations)  /measured");
            for (int input : inputs) {
                RunResult r = engine.run(RunSpec.greedy(batch, input, 1, input));
                MemoryFootprint f = model.footprint(batch, input, 1, Long.MAX_VALUE / 2);
                long predicted = base + f.kvCache() + f.activations();
                long budgetActivations = InferenceEngine.prefillActivationBytes(config, options, batch, input);
                long budget = base + f.kvCache() + budgetActivations;
                Long peak = r.peakMemory().bytes();
                System.out.printf(Locale.ROOT, "%5d  %9.2f  %5.0f  %16s  %8.0f (%.0f + %.0f)  %9s  %8.0f (%.0f + %.0f)  %9s%n", input,
                        r.prefillSeconds(), r.prefillTokensPerSecond(),
                        peak == null ? "n/a: " + r.peakMemory().method() : String.format(Locale.ROOT, "%.0f", peak / 1e6),
                        predicted / 1e6, f.kvCache() / 1e6, f.activations() / 1e6, ratio(predicted, peak),
                        budget / 1e6, f.kvCache() / 1e6, budgetActivations / 1e6, ratio(budget, peak));
            }
        }
    }

    private static String ratio(long predicted, Long measured) {
        return measured == null ? "n/a" : String.format(Locale.ROOT, "%.2f", predicted / (double) measured);
    }

    /** @return this process's resident set now ({@code VmRSS}, proc(5)) */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IOException("/proc/self/status has no VmRSS line");
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
