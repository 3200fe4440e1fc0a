package org.llmenergy.impact;

import java.util.Objects;
import org.llmenergy.units.Interval;
import org.llmenergy.units.ValueOrReason;

/**
 * One impact figure: an interval (90 %, carried from the energy's interval) in {@code unit}, or its absence with
 * the reason (never a 0 standing in for "unknown").
 *
 * @param interval      the figure, or null when it could not be computed
 * @param unit          for example {@code "gCO2e"}, {@code "L"}
 * @param missingReason why {@code interval} is null; null when present
 */
public record ImpactValue(Interval interval, String unit, String missingReason) implements ValueOrReason {
    public ImpactValue {
        Objects.requireNonNull(unit, "unit");
        ValueOrReason.requireValueOrReason(interval, missingReason, unit + " figure");
    }

    /** @return a present figure */
    public static ImpactValue of(Interval interval, String unit) { return new ImpactValue(interval, unit, null); }

    /** @return an absent figure with why */
    public static ImpactValue missing(String unit, String reason) { return new ImpactValue(null, unit, reason); }

    @Override
    public boolean isPresent() { return interval != null; }

    /** @return the sum of two figures whose errors move together; absent when either is (with its reason) */
    public ImpactValue plus(ImpactValue o) {
        if (!isPresent()) return this;
        if (!o.isPresent()) return o;
        return of(interval.plus(o.interval), unit);
    }
}
