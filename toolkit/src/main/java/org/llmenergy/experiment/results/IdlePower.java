package org.llmenergy.experiment.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.llmenergy.units.Provenance;
import org.llmenergy.units.ValueOrReason;

/**
 * The power the measured devices draw while idle, subtracted to give net-of-idle energies.
 *
 * @param watts         mean idle power, W, or null when unknown
 * @param seconds       length of the idle measurement, seconds
 * @param provenance    how it was measured; null only when {@code watts} is null
 * @param missingReason why {@code watts} is null; null when present
 */
public record IdlePower(Double watts, double seconds, Provenance provenance, String missingReason)
        implements ValueOrReason {
    public IdlePower {
        ValueOrReason.requireValueOrReason(watts, missingReason, "idle power");
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

    /** Not a results-file field: the file says it with {@code watts} and {@code missingReason}. */
    @JsonIgnore
    @Override
    public boolean isPresent() { return watts != null; }
}
