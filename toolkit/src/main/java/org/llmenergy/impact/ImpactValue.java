package org.llmenergy.impact;

import java.util.Objects;
import org.llmenergy.units.Interval;
import org.llmenergy.units.MissingValue;

/**
 * One impact figure: an interval (90 %, carried from the energy's interval) in {@code unit}, or its absence with
 * the reason (never a 0 standing in for "unknown").
 *
 * @param interval      the figure, or null when it could not be computed
 * @param unit          for example {@code "gCO2e"}, {@code "L"}
 * @param missingReason why {@code interval} is null; null when present
 */
public record ImpactValue(Interval interval, String unit, String missingReason) {
    public ImpactValue {
        Objects.requireNonNull(unit, "unit");
        MissingValue.requireValueOrReason(interval, missingReason, unit + " figure");
    }

    /** @return a present figure */
    public static ImpactValue of(Interval interval, String unit) { return new ImpactValue(interval, unit, null); }

    /** @return an absent figure with why */
    public static ImpactValue missing(String unit, String reason) { return new ImpactValue(null, unit, reason); }

    /** @return true when the figure is present */
    public boolean present() { return interval != null; }

    /** @return the sum of two figures whose errors move together; absent when either is (with its reason) */
    public ImpactValue plus(ImpactValue o) {
        if (!present()) return this;
        if (!o.present()) return o;
        return of(interval.plus(o.interval), unit);
    }
}
