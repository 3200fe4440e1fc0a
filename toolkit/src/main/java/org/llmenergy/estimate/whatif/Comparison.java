package org.llmenergy.estimate.whatif;

import java.util.Locale;
import java.util.Objects;
import org.llmenergy.units.Interval;

/**
 * A what-if: the same workload under a base setting and an alternative.
 *
 * <p>Both answers come from one calibration, so their errors are correlated (the same fitted parameters price
 * both): the ratio of the point estimates is more certain than the two intervals suggest, but by how much is not
 * known, so no interval is given for the ratio. {@link #intervalsOverlap()} says when the two answers cannot be
 * told apart even if their errors were independent.
 *
 * @param question    the question, in words
 * @param base        the setting asked about first
 * @param alternative the setting it is compared with
 */
public record Comparison(String question, Answer base, Answer alternative) {

    public Comparison {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(alternative, "alternative");
    }

    /** @return alternative / base, point estimates of the total energy (dimensionless) */
    public double ratio() { return alternative.total().value() / base.total().value(); }

    /** @return true when the two 90 % intervals overlap */
    public boolean intervalsOverlap() {
        Interval a = base.total();
        Interval b = alternative.total();
        return a.low() <= b.high() && b.low() <= a.high();
    }

    /** @return one sentence: the change in energy, and whether the intervals separate the two */
    public String verdict() {
        double r = ratio();
        String change = r < 1 ? String.format(Locale.ROOT, "%.0f %% less energy", 100 * (1 - r))
                : String.format(Locale.ROOT, "%.0f %% more energy", 100 * (r - 1));
        return String.format(Locale.ROOT, "%s: %s (x%.2f) than the base; the 90 %% intervals %s.", question, change, r,
                intervalsOverlap() ? "overlap, so the difference is within the model's uncertainty"
                        : "do not overlap");
    }
}
