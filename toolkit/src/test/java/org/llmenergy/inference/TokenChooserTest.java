package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/** The samplers' empirical distributions against the ones they should draw from. */
class TokenChooserTest {
    static final float[] LOGITS = {2.0f, 1.0f, 0.5f, -1.0f, 0.0f};
    static final int ROWS = 20_000;

    @Test
    void greedyTakesTheArgmaxOfEveryRow() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0, 3, 1, 5, 4, 2}, new Shape(2, 3));
            assertArrayEquals(new long[] {1, 0}, TokenChooser.greedy().choose(logits).toLongArray());
        }
    }

    @Test
    void temperatureSamplingMatchesTheTemperedSoftmax() {
        double t = 0.7;
        double[] expected = softmax(LOGITS, t);
        double[] seen = frequencies(TokenChooser.of(new Decoding.Temperature(t)));
        for (int i = 0; i < expected.length; i++) {
            // Binomial standard error at 20k draws is at most 0.0036.
            assertEquals(expected[i], seen[i], 0.015, "token " + i);
        }
    }

    @Test
    void topPSamplesOnlyFromTheNucleusRenormalised() {
        double[] p = softmax(LOGITS, 1.0); // 0.548, 0.202, 0.122, 0.027, 0.100 (rounded)
        // Nucleus for p = 0.8: tokens 0 and 1 (0.750) are not enough; token 2 completes it (0.872).
        double mass = p[0] + p[1] + p[2];
        double[] seen = frequencies(TokenChooser.of(new Decoding.TopP(0.8, 1.0)));
        assertEquals(p[0] / mass, seen[0], 0.015);
        assertEquals(p[1] / mass, seen[1], 0.015);
        assertEquals(p[2] / mass, seen[2], 0.015);
        assertEquals(0.0, seen[3]);
        assertEquals(0.0, seen[4]);
    }

    @Test
    void topPOfOneIsPlainTemperatureSampling() {
        double[] seen = frequencies(TokenChooser.of(new Decoding.TopP(1.0, 1.0)));
        assertTrue(seen[3] > 0.01, "the least likely token still appears: " + seen[3]);
    }

    private static double[] frequencies(TokenChooser chooser) {
        float[] rows = new float[ROWS * LOGITS.length];
        for (int r = 0; r < ROWS; r++) System.arraycopy(LOGITS, 0, rows, r * LOGITS.length, LOGITS.length);
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(7); // after the manager, which loads the native library
            long[] picks = chooser.choose(m.create(rows, new Shape(ROWS, LOGITS.length))).toLongArray();
            double[] f = new double[LOGITS.length];
            for (long p : picks) f[(int) p] += 1.0 / ROWS;
            return f;
        }
    }

    private static double[] softmax(float[] logits, double t) {
        double[] e = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) sum += e[i] = Math.exp(logits[i] / t);
        for (int i = 0; i < e.length; i++) e[i] /= sum;
        return e;
    }
}
