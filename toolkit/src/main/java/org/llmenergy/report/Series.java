package org.llmenergy.report;

import java.util.Arrays;
import java.util.Objects;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * One curve to draw, in the data's own units: the neutral input of every figure builder, for the paper's numbers
 * and for ours alike.
 *
 * @param name       the legend label; it must say where the numbers come from (see {@link Labels})
 * @param group      series with the same group share a colour (for example {@code "BS8"} for the paper's batch-8
 *                   curve and ours)
 * @param x          x values, in the figure's x unit
 * @param y          y values, in the figure's y unit, same length as {@code x}
 * @param provenance the provenance label of the y values: {@code paper-digitized}, {@code paper-published},
 *                   {@code model}, {@code cpu-time-estimate}, {@code nvml-counter}, … (it sets the line style)
 */
public record Series(String name, String group, double[] x, double[] y, String provenance) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(provenance, "provenance");
        if (name.isBlank()) throw new IllegalArgumentException("series name must not be blank");
        if (provenance.isBlank()) throw new IllegalArgumentException("series '" + name + "' has no provenance label");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "' point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
        x = x.clone();
        y = y.clone();
    }

    /** A series whose group is its name. */
    public Series(String name, double[] x, double[] y, String provenance) { this(name, name, x, y, provenance); }

    /**
     * The numeric points of a paper series (points the paper gives no x position for are left out; figure builders
     * name them in the caption).
     *
     * @param s     a series of {@code PaperNumbers}
     * @param group the colour group
     * @param name  the legend label
     * @return the series, provenance {@code paper-digitized}
     */
    public static Series fromPaper(PaperSeries s, String group, String name) {
        double[] x = s.points().stream().filter(p -> p.x().isPresent()).mapToDouble(p -> p.x().getAsDouble()).toArray();
        double[] y = s.points().stream().filter(p -> p.x().isPresent()).mapToDouble(PaperPoint::y).toArray();
        return new Series(name, group, x, y, Labels.PAPER_DIGITIZED_SOURCE);
    }

    @Override
    public double[] x() { return x.clone(); }

    @Override
    public double[] y() { return y.clone(); }

    /** @return the same curve in another colour group */
    public Series withGroup(String newGroup) { return new Series(name, newGroup, x, y, provenance); }

    /** @return the number of points */
    public int size() { return x.length; }

    /** @return true when the values are the paper's (published or digitised) */
    public boolean fromPaper() { return provenance.startsWith("paper-"); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && group.equals(s.group) && provenance.equals(s.provenance)
                && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() { return Objects.hash(name, group, provenance, Arrays.hashCode(x), Arrays.hashCode(y)); }

    @Override
    public String toString() { return "Series[" + name + ", " + x.length + " points, " + provenance + "]"; }
}
