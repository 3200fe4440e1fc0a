package org.llmenergy.report;

/** How an axis maps values to positions. The paper's figures use log2 and log10 axes. */
public enum Scale {
    /** Values as they are. */
    LINEAR(Double.NaN),
    /** Equal distance per doubling; ticks at powers of two. */
    LOG2(2),
    /** Equal distance per decade; ticks at powers of ten. */
    LOG10(10);

    private final double base;

    Scale(double base) { this.base = base; }

    /** @return true for the logarithmic scales */
    public boolean isLog() { return this != LINEAR; }

    /**
     * @param value a value in data units (positive on a log scale)
     * @return its position on the axis
     */
    double toAxis(double value) {
        return switch (this) {
            case LINEAR -> value;
            case LOG2 -> Math.log(value) / Math.log(2);
            case LOG10 -> Math.log10(value);
        };
    }

    /**
     * @param position a position on the axis
     * @return the value in data units
     */
    double fromAxis(double position) { return this == LINEAR ? position : Math.pow(base, position); }
}
