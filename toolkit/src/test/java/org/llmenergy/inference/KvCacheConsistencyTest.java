package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Cached decoding against full recomputation, batches against single runs, and chunked attention. */
class KvCacheConsistencyTest {

    @Test
    void cachedDecodeStepsEqualFullRecomputation() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        long[][] prompt = f.inputIds();
        int rows = prompt.length;
        int t = prompt[0].length;
        int steps = 6;
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            Transformer model = engine.model();
            long[][] seq = new long[rows][t + steps];
            for (int r = 0; r < rows; r++) System.arraycopy(prompt[r], 0, seq[r], 0, t);
            try (NDManager run = model.weights().manager().newSubManager();
                 KvCache cache = KvCache.allocate(run, model.config(), rows, t + steps, model.type())) {
                float[] cached;
                try (NDScope ignored = new NDScope()) {
                    cached = model.forward(run.create(flatten(prompt), new Shape(rows, t)), cache, false).toFloatArray();
                }
                for (int s = 0; s < steps; s++) {
                    int len = t + s;
                    float[] full = lastPosition(engine.logits(prefix(seq, len)), rows, len, model.config().vocabSize());
                    assertClose(full, cached, 1e-4f, "step " + s);
                    long[] next = argmax(cached, rows, model.config().vocabSize());
                    for (int r = 0; r < rows; r++) seq[r][len] = next[r];
                    try (NDScope ignored = new NDScope()) {
                        NDArray tok = run.create(next, new Shape(rows, 1));
                        cached = model.forward(tok, cache, false).toFloatArray();
                    }
                }
                assertEquals(t + steps, cache.length());
            }
        }
    }

    @Test
    void batchEqualsSingleRuns() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        int[][] input = f.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            RunResult batch = engine.run(new RunSpec(input.length, input[0].length, 8, new Decoding.Greedy(),
                    new Prompt.Ids(input), 0));
            for (int r = 0; r < input.length; r++) {
                RunResult single = engine.run(new RunSpec(1, input[0].length, 8, new Decoding.Greedy(),
                        new Prompt.Ids(new int[][] {input[r]}), 0));
                assertArrayEquals(batch.tokens()[r], single.tokens()[0], "row " + r);
            }
            float[] both = engine.logits(f.inputIds());
            float[] first = engine.logits(new long[][] {f.inputIds()[0]});
            float[] firstOfBoth = java.util.Arrays.copyOf(both, first.length);
            assertClose(firstOfBoth, first, 1e-5f, "batched vs single logits");
        }
    }

    @Test
    void chunkedAttentionEqualsOneShot() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        float[] expected = f.logits();
        // 1 KiB per score tensor forces query chunks of one or two rows.
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu().withMaxAttentionBytes(1024))) {
            assertClose(expected, engine.logits(f.inputIds()), 1e-4f, "chunked prefill");
        }
    }

    @Test
    void beamWidthOneEqualsGreedy() {
        GoldenFixture f = GoldenFixture.load("tiny-olmo");
        int[][] input = f.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            RunSpec greedy = new RunSpec(input.length, input[0].length, 10, new Decoding.Greedy(), new Prompt.Ids(input), 0);
            assertArrayEquals(engine.run(greedy).tokens(), engine.run(greedy.withDecoding(new Decoding.Beam(1))).tokens());
        }
    }

    static long[] flatten(long[][] a) {
        long[] out = new long[a.length * a[0].length];
        for (int r = 0; r < a.length; r++) System.arraycopy(a[r], 0, out, r * a[0].length, a[0].length);
        return out;
    }

    static long[][] prefix(long[][] a, int len) {
        long[][] out = new long[a.length][];
        for (int r = 0; r < a.length; r++) out[r] = java.util.Arrays.copyOf(a[r], len);
        return out;
    }

    static float[] lastPosition(float[] logits, int rows, int t, int vocab) {
        float[] out = new float[rows * vocab];
        for (int r = 0; r < rows; r++) System.arraycopy(logits, (r * t + t - 1) * vocab, out, r * vocab, vocab);
        return out;
    }

    static long[] argmax(float[] logits, int rows, int vocab) {
        long[] out = new long[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int v = 1; v < vocab; v++) if (logits[r * vocab + v] > logits[r * vocab + best]) best = v;
            out[r] = best;
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, float tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        float worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        assertTrue(worst <= tol, what + ": max difference " + worst + " > " + tol);
    }
}
