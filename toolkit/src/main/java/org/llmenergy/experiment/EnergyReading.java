package org.llmenergy.experiment;

import org.llmenergy.units.Provenance;

/**
 * The energy of one measurement window, in joules, or its absence with a reason (never a 0 standing in for
 * "unknown"). Readings that an executor returns are gross: nothing subtracted.
 *
 * @param joules        the window's energy, J, or null when it was not measured
 * @param provenance    how it was obtained (meter source, devices, driver, window bounds, validity); may be
 *                      null only when {@code joules} is null
 * @param missingReason why {@code joules} is null; null when it is present
 */
public record EnergyReading(Double joules, Provenance provenance, String missingReason) {
    public EnergyReading {
        if (joules == null && (missingReason == null || missingReason.isBlank())) {
            throw new IllegalArgumentException("an absent energy reading needs a reason");
        }
        if (joules != null && missingReason != null) {
            throw new IllegalArgumentException("a present energy reading has no missing reason");
        }
        if (joules != null && provenance == null) throw new IllegalArgumentException("an energy reading needs provenance");
        if (joules != null && !Double.isFinite(joules)) throw new IllegalArgumentException("energy must be finite, got " + joules);
    }

    /** @return a measured reading of {@code joules} J */
    public static EnergyReading of(double joules, Provenance provenance) {
        return new EnergyReading(joules, provenance, null);
    }

    /** @return an absent reading, with why */
    public static EnergyReading missing(String reason) { return new EnergyReading(null, null, reason); }

    /** @return true when a value is present */
    public boolean present() { return joules != null; }
}
