package org.llmenergy.experiment;

import org.llmenergy.units.MissingValue;
import org.llmenergy.units.Provenance;

/**
 * The power the measured devices draw while idle, subtracted to give net-of-idle energies.
 *
 * @param watts         mean idle power, W, or null when unknown
 * @param seconds       length of the idle measurement, seconds
 * @param provenance    how it was measured; null only when {@code watts} is null
 * @param missingReason why {@code watts} is null; null when present
 */
public record IdlePower(Double watts, double seconds, Provenance provenance, String missingReason) {
    public IdlePower {
        MissingValue.requireValueOrReason(watts, missingReason, "idle power");
        if (watts != null && (provenance == null || !Double.isFinite(watts) || watts < 0)) {
            throw new IllegalArgumentException("idle power needs provenance and a finite value >= 0, got " + watts);
        }
    }

    /** @return a measured idle power */
    public static IdlePower of(double watts, double seconds, Provenance provenance) {
        return new IdlePower(watts, seconds, provenance, null);
    }

    /** @return an unknown idle power, with why */
    public static IdlePower missing(String reason) { return new IdlePower(null, 0, null, reason); }
}
