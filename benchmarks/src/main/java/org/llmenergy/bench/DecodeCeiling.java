package org.llmenergy.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.llmenergy.inference.EngineOptions;
import org.llmenergy.inference.InferenceEngine;
import org.llmenergy.inference.ModelSource;
import org.llmenergy.inference.RunResult;
import org.llmenergy.inference.RunSpec;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;

/**
 * The ceiling of batch-1 decode through libtorch: one step's matrix-vector products alone (the engine's fused
 * Q/K/V, output, fused gate/up and down matrices of every layer, and the output head, in the engine's
 * {@code [out, in]} layout, called through DJL as the engine calls them) with no attention, norms or element-wise
 * work, against the copy bandwidth {@link InferenceThroughput} measures and the engine's own decode step, all in
 * the same process with the same threads, rounds alternating.
 *
 * <pre>
 * DJL_CACHE_DIR=toolkit/target/djl-cache java -Dai.djl.offline=true \
 *     -cp "toolkit/target/classes:benchmarks/target/classes:$(cat toolkit/target/classpath.txt)" \
 *     org.llmenergy.bench.DecodeCeiling [--model small-100m] [--threads 2] [--input 128] [--output 65] [--rounds 5]
 * </pre>
 *
 * Also printed, as a second floor: the same weights read by a sum reduction (read only, no write), so the copy
 * bandwidth's write half is visible.
 */
public final class DecodeCeiling {
    private DecodeCeiling() {}

    public static void main(String[] args) {
        String model = "small-100m";
        int threads = 2;
        int input = 128;
        int output = 65;
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = args[i + 1];
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--input" -> input = Integer.parseInt(args[i + 1]);
                case "--output" -> output = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) throw new IllegalArgumentException("expected --name value pairs");
        ModelConfig c = Presets.get(model);
        System.out.printf(Locale.ROOT, "model %s, threads %d, decode batch 1 x input %d, output %d, %d rounds, load average at start %.2f%n",
                model, threads, input, output, rounds, loadAverage());
        try (InferenceEngine engine = InferenceEngine.load(new ModelSource.RandomWeights(c, 0),
                EngineOptions.cpu().withThreads(threads));
             NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            System.out.println("engine attention: " + engine.attentionPath() + "; OpenMP wait policy: "
                    + org.llmenergy.inference.WaitPolicy.describe());
            List<NDArray[]> mats = weights(m, c);
            double weightBytes = 0;
            for (NDArray[] pair : mats) weightBytes += pair[0].size() * 4.0;
            double copy = InferenceThroughput.copyBandwidth();
            double[] matvec = new double[rounds];
            double[] read = new double[rounds];
            double[] step = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                matvec[r] = stepSeconds(mats, 40, false);
                read[r] = stepSeconds(mats, 40, true);
                RunResult run = engine.run(RunSpec.greedy(1, input, output, r));
                step[r] = run.timePerOutputTokenSeconds();
            }
            double engineBytes = InferenceThroughput.decodeBytesPerStep(c, 1, input, output);
            double mv = InferenceThroughput.median(matvec);
            double rd = InferenceThroughput.median(read);
            double st = InferenceThroughput.median(step);
            System.out.printf(Locale.ROOT, "copy bandwidth (read + write): %.2f GB/s%n", copy / 1e9);
            System.out.printf(Locale.ROOT, "weights %.1f MB in %d matrices%n", weightBytes / 1e6, mats.size());
            System.out.printf(Locale.ROOT, "matrix-vector products only: %.2f ms/step (range %.2f-%.2f), %.2f GB/s = %.0f %% of copy bandwidth%n",
                    mv * 1e3, min(matvec) * 1e3, max(matvec) * 1e3, weightBytes / mv / 1e9, 100 * weightBytes / mv / copy);
            System.out.printf(Locale.ROOT, "sum reduction of the same weights: %.2f ms (range %.2f-%.2f), %.2f GB/s = %.0f %% of copy bandwidth%n",
                    rd * 1e3, min(read) * 1e3, max(read) * 1e3, weightBytes / rd / 1e9, 100 * weightBytes / rd / copy);
            System.out.printf(Locale.ROOT, "engine decode step (batch 1): %.2f ms/step (range %.2f-%.2f), %.2f GB/s = %.0f %% of copy bandwidth, %.0f %% of the products' speed%n",
                    st * 1e3, min(step) * 1e3, max(step) * 1e3, engineBytes / st / 1e9, 100 * engineBytes / st / copy, 100 * mv / st);
        }
        System.out.printf(Locale.ROOT, "load average at end %.2f%n", loadAverage());
    }

    /**
     * Random weights of every matrix a decode step multiplies, each with the input vector it multiplies: per
     * layer the fused Q/K/V {@code [(H + 2 Hkv) hd, d]}, output {@code [d, H hd]}, fused gate/up {@code [2 I, d]}
     * and down {@code [d, I]}, then the head {@code [V, d]}.
     */
    private static List<NDArray[]> weights(NDManager m, ModelConfig c) {
        long d = c.hiddenSize();
        long q = (long) c.numHeads() * c.headDim();
        long[][] shapes = {{q + 2L * c.kvDim(), d}, {d, q}, {2L * c.intermediateSize(), d}, {d, c.intermediateSize()}};
        List<NDArray[]> out = new ArrayList<>();
        for (int l = 0; l < c.numLayers(); l++) {
            for (long[] s : shapes) out.add(pair(m, s[0], s[1]));
        }
        out.add(pair(m, c.vocabSize(), d));
        return out;
    }

    private static NDArray[] pair(NDManager m, long rows, long cols) {
        NDArray w = m.randomNormal(0f, 0.02f, new Shape(rows, cols), DataType.FLOAT32);
        NDArray x = m.randomNormal(0f, 1f, new Shape(1, 1, cols), DataType.FLOAT32);
        return new NDArray[] {w, x};
    }

    /** Mean seconds per step over {@code steps} steps, after one warm-up step. */
    private static double stepSeconds(List<NDArray[]> mats, int steps, boolean sumOnly) {
        double sink = 0;
        long t0 = 0;
        for (int s = -1; s < steps; s++) {
            if (s == 0) t0 = System.nanoTime();
            try (NDScope ignored = new NDScope()) {
                NDArray last = null;
                for (NDArray[] p : mats) {
                    last = sumOnly ? p[0].sum() : Linear.linear(p[1], p[0]).singletonOrThrow();
                }
                sink += sumOnly ? last.getFloat() : last.getFloat(0, 0, 0); // waits for the last product, as the engine's token read does
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / steps;
        if (Double.isNaN(sink)) throw new IllegalStateException("products gave NaN");
        return seconds;
    }

    private static double min(double[] xs) { return Arrays.stream(xs).min().orElse(Double.NaN); }

    private static double max(double[] xs) { return Arrays.stream(xs).max().orElse(Double.NaN); }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
