package org.llmenergy.energy;

/**
 * Trapezoid integration of a sampled power trace over exact bounds, interpolating linearly at the bounds
 * and never extrapolating beyond the first or last sample (the TokenPowerBench and InferenceX rule).
 */
final class Trapezoid {
    private Trapezoid() {}

    /**
     * @param t     sample times in seconds, strictly increasing
     * @param w     power in watts at those times; NaN entries are skipped
     * @param from  lower bound in seconds
     * @param to    upper bound in seconds
     * @return energy in joules, or NaN when fewer than two valid samples cover [from, to]
     */
    static double integrate(double[] t, double[] w, double from, double to) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(w[i])) continue;
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0 || first == last || t[first] > from || t[last] < to || to < from) return Double.NaN;
        double energy = 0;
        int prev = -1;
        for (int i = first; i <= last; i++) {
            if (Double.isNaN(w[i])) continue;
            if (prev >= 0) energy += segment(t[prev], w[prev], t[i], w[i], from, to);
            prev = i;
        }
        return energy;
    }

    /** Integral over the part of [t0, t1] inside [from, to] of the line through (t0, w0) and (t1, w1). */
    private static double segment(double t0, double w0, double t1, double w1, double from, double to) {
        double a = Math.max(t0, from);
        double b = Math.min(t1, to);
        if (b <= a) return 0;
        double wa = interpolate(t0, w0, t1, w1, a);
        double wb = interpolate(t0, w0, t1, w1, b);
        return (wa + wb) / 2 * (b - a);
    }

    private static double interpolate(double t0, double w0, double t1, double w1, double t) {
        return t1 == t0 ? w0 : w0 + (w1 - w0) * (t - t0) / (t1 - t0);
    }
}
