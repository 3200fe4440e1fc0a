package org.llmenergy.workload;

/**
 * Length statistics as a publication prints them, with the number of decimals printed, which sets how
 * closely a recomputation must agree: half a unit of the last printed digit.
 *
 * @param mean                mean, tokens
 * @param std                 standard deviation, tokens
 * @param median              median, tokens
 * @param p99                 99th percentile, tokens
 * @param momentDecimals      decimals printed for mean and std
 * @param percentileDecimals  decimals printed for median and p99
 */
public record PublishedLengthStats(double mean, double std, double median, double p99, int momentDecimals,
                                   int percentileDecimals) {

    /** @return half a unit of the last printed digit of mean and std */
    public double momentTolerance() { return 0.5 * Math.pow(10, -momentDecimals); }

    /** @return half a unit of the last printed digit of median and p99 */
    public double percentileTolerance() { return 0.5 * Math.pow(10, -percentileDecimals); }
}
