package org.llmenergy.estimate;

/**
 * Linear least squares in relative error: finds theta minimising sum_i ((A_i . theta - y_i) / y_i)^2, so a
 * 1e-5 kWh reading weighs as much as a 1 kWh one (the figures are log-scaled). Columns are rescaled to unit
 * maximum before a Householder QR solve, because the design mixes 1/B with I^2 ~ 1e9.
 */
public final class RelativeLeastSquares {
    private RelativeLeastSquares() {}

    /**
     * @param a design matrix, one row per observation (not modified)
     * @param y observations, all positive
     * @return the coefficients
     * @throws IllegalArgumentException when there are fewer observations than unknowns or the design is singular
     */
    public static double[] solve(double[][] a, double[] y) {
        int m = a.length;
        int n = a[0].length;
        if (m < n) throw new IllegalArgumentException("need at least " + n + " observations, got " + m);
        double[][] r = new double[m][n];
        double[] b = new double[m];
        double[] scale = new double[n];
        for (int i = 0; i < m; i++) {
            if (!(y[i] > 0)) throw new IllegalArgumentException("observation " + i + " must be positive, got " + y[i]);
            for (int j = 0; j < n; j++) {
                r[i][j] = a[i][j] / y[i];
                scale[j] = Math.max(scale[j], Math.abs(r[i][j]));
            }
            b[i] = 1.0;
        }
        for (int j = 0; j < n; j++) {
            if (scale[j] == 0) throw new IllegalArgumentException("design column " + j + " is all zero");
            for (int i = 0; i < m; i++) r[i][j] /= scale[j];
        }
        // Householder QR, applied to b as we go
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) norm += r[i][k] * r[i][k];
            norm = Math.sqrt(norm);
            if (norm < 1e-12) throw new IllegalArgumentException("design matrix is rank deficient at column " + k);
            double alpha = r[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = k; i < m; i++) v[i] = r[i][k];
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < m; i++) vv += v[i] * v[i];
            for (int j = k; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) dot += v[i] * r[i][j];
                double f = 2 * dot / vv;
                for (int i = k; i < m; i++) r[i][j] -= f * v[i];
            }
            double dot = 0;
            for (int i = k; i < m; i++) dot += v[i] * b[i];
            double f = 2 * dot / vv;
            for (int i = k; i < m; i++) b[i] -= f * v[i];
        }
        double[] theta = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < n; j++) s -= r[k][j] * theta[j];
            theta[k] = s / r[k][k];
        }
        for (int j = 0; j < n; j++) theta[j] /= scale[j];
        return theta;
    }
}
