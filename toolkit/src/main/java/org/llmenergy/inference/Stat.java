package org.llmenergy.inference;

import java.util.Arrays;

/**
 * Summary of one metric over a cell's repeats.
 *
 * @param n      repeats
 * @param mean   arithmetic mean
 * @param median median
 * @param min    smallest
 * @param max    largest
 * @param stdev  sample standard deviation (n - 1), or null when {@code n < 2}
 */
public record Stat(int n, double mean, double median, double min, double max, Double stdev) {

    /**
     * @param values at least one value
     * @return their summary
     */
    public static Stat of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("no values to summarise");
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double mean = Arrays.stream(s).sum() / n;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        Double stdev = null;
        if (n > 1) {
            double ss = 0;
            for (double v : s) ss += (v - mean) * (v - mean);
            stdev = Math.sqrt(ss / (n - 1));
        }
        return new Stat(n, mean, median, s[0], s[n - 1], stdev);
    }
}
