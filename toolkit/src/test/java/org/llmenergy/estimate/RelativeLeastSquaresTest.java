package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RelativeLeastSquaresTest {
    @Test
    void recoversExactCoefficientsAcrossWildlyDifferentScales() {
        double[] theta = {9.6, 0.057, 0.0297, 9.2e-7};
        double[][] a = new double[8][];
        double[] y = new double[8];
        int[] inputs = {1, 64, 512, 1024, 4096, 8192, 16384, 32768};
        int[] batches = {1, 8, 64, 128, 1, 8, 64, 128};
        for (int k = 0; k < 8; k++) {
            double i = inputs[k];
            a[k] = new double[] {1.0 / batches[k], 1, i, i * i};
            y[k] = theta[0] * a[k][0] + theta[1] + theta[2] * i + theta[3] * i * i;
        }
        double[] got = RelativeLeastSquares.solve(a, y);
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(new double[] {1}, new double[] {got[j] / theta[j]}, 1e-8, "coefficient " + j);
        }
    }

    @Test
    void rejectsUnderdeterminedAndSingular() {
        assertThrows(IllegalArgumentException.class, () -> RelativeLeastSquares.solve(new double[][] {{1, 2}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RelativeLeastSquares.solve(new double[][] {{1, 2}, {2, 4}, {3, 6}}, new double[] {1, 2, 3}));
    }
}
