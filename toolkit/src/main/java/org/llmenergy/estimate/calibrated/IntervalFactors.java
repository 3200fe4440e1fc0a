package org.llmenergy.estimate.calibrated;

import org.llmenergy.units.Interval;

/**
 * A split-conformal interval in log space: the {@code level} interval of a prediction p is
 * [p x exp(lowLogRatio), p x exp(highLogRatio)], where the ends are finite-sample-corrected quantiles of
 * ln(measured / predicted) over held-out predictions.
 *
 * @param lowLogRatio  lower quantile of ln(measured / predicted) (usually negative)
 * @param highLogRatio upper quantile (usually positive)
 * @param residuals    held-out residuals the quantiles come from
 * @param level        nominal coverage, for example 0.9
 */
public record IntervalFactors(double lowLogRatio, double highLogRatio, int residuals, double level) {

    /** @return the interval around a positive prediction */
    public Interval around(double predicted) {
        return new Interval(predicted, predicted * Math.exp(Math.min(0, lowLogRatio)), predicted * Math.exp(Math.max(0, highLogRatio)));
    }

    /**
     * @param logRatios ln(measured / predicted) of held-out predictions
     * @param level     nominal two-sided coverage
     * @return the conformal factors: the ceil((n + 1)(1 - a/2))-th smallest residual for the upper end and the
     *         mirror rank for the lower end, a = 1 - level
     */
    public static IntervalFactors fromResiduals(double[] logRatios, double level) {
        double[] r = logRatios.clone();
        java.util.Arrays.sort(r);
        int n = r.length;
        if (n < 2) throw new IllegalArgumentException("conformal intervals need at least 2 held-out residuals, got " + n);
        double a = 1 - level;
        int hi = (int) Math.ceil((n + 1) * (1 - a / 2));
        int lo = (int) Math.floor((n + 1) * (a / 2));
        double high = hi > n ? r[n - 1] : r[hi - 1];
        double low = lo < 1 ? r[0] : r[lo - 1];
        return new IntervalFactors(low, high, n, level);
    }
}
