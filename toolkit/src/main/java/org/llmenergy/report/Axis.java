package org.llmenergy.report;

import java.util.Objects;

/**
 * One axis of a plot: what it shows, with its unit, and its scale.
 *
 * @param title the axis title, with the unit, for example {@code "energy for 1,024 examples (kWh)"}
 * @param scale how values map to positions
 */
public record Axis(String title, Scale scale) {
    public Axis {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scale, "scale");
    }

    /** @return a log2 axis */
    public static Axis log2(String title) { return new Axis(title, Scale.LOG2); }

    /** @return a log10 axis */
    public static Axis log10(String title) { return new Axis(title, Scale.LOG10); }

    /** @return a linear axis */
    public static Axis linear(String title) { return new Axis(title, Scale.LINEAR); }
}
