package org.llmenergy.estimate.paper;

import java.util.OptionalDouble;

/**
 * One value read off a figure of the paper. Approximate: about ±10–20% on log axes.
 *
 * @param xLabel the x position as the figure shows it ("128", "BurstGPT", "short inputs (flat region)")
 * @param x      the numeric x position, empty for categories and unplaced readings
 * @param y      the value, in the figure's unit
 * @param yLow   lower end when the reading is a range, else empty
 * @param yHigh  upper end when the reading is a range, else empty
 * @param note   the reader's remark, or empty
 */
public record PaperPoint(String xLabel, OptionalDouble x, double y, OptionalDouble yLow, OptionalDouble yHigh, String note) {}
