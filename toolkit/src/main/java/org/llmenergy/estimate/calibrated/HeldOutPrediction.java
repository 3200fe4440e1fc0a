package org.llmenergy.estimate.calibrated;

/**
 * A prediction of energy per output token made by a fit that did not see the configuration's model (or GPU).
 *
 * @param point     the configuration
 * @param predicted predicted J per output token
 * @param low       lower end of its 90 % interval
 * @param high      upper end
 */
public record HeldOutPrediction(CalibrationPoint point, double predicted, double low, double high) {

    /** @return measured J per output token */
    public double measured() { return point.measured().joulesPerOutputToken(); }

    /** @return |predicted / measured - 1| */
    public double absolutePercentageError() { return Math.abs(predicted / measured() - 1); }

    /** @return true when the measurement lies in the interval */
    public boolean covered() { return measured() >= low && measured() <= high; }
}
