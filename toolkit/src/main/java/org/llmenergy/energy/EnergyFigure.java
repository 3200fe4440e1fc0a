package org.llmenergy.energy;

import java.util.Objects;
import java.util.OptionalDouble;
import org.llmenergy.units.ValueOrReason;
import org.llmenergy.units.Provenance;

/**
 * One energy figure and how it was obtained: either a value in joules or, when it could not be obtained, no
 * value and the reason. Never a silent zero. Meters give one per window; the sweep protocol keeps one per run
 * and phase (gross, as metered).
 *
 * @param joules            energy in joules, or null when unavailable
 * @param missingReason     why there is no value; null when there is one
 * @param provenance        how the figure was (or would have been) obtained; null only for a figure without a
 *                          value that no meter was asked for (see {@link #unavailable(String)})
 */
public record EnergyFigure(Double joules, String missingReason, Provenance provenance) implements ValueOrReason {

    public EnergyFigure {
        ValueOrReason.requireValueOrReason(joules, missingReason, "energy figure");
        if (joules != null && provenance == null) throw new IllegalArgumentException("an energy figure needs provenance");
        if (joules != null && !Double.isFinite(joules)) {
            throw new IllegalArgumentException("energy must be finite, was " + joules);
        }
    }

    /** @return a figure with a value */
    public static EnergyFigure of(double joules, Provenance provenance) {
        return new EnergyFigure(joules, null, provenance);
    }

    /** @return a figure without a value, saying why */
    public static EnergyFigure unavailable(String reason, Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance");
        return new EnergyFigure(null, reason, provenance);
    }

    /** @return a figure without a value that no meter was asked for (a probe, a warm-up), saying why */
    public static EnergyFigure unavailable(String reason) {
        return new EnergyFigure(null, reason, null);
    }

    @Override
    public boolean isPresent() { return joules != null; }

    /** @return the value in joules, or empty */
    public OptionalDouble value() { return joules == null ? OptionalDouble.empty() : OptionalDouble.of(joules); }

    /** @return the value in joules; throws, with the reason, when there is none */
    public double joulesOrThrow() {
        if (joules == null) throw new IllegalStateException("no energy figure: " + missingReason);
        return joules;
    }

    /** @return true when the figure is present and its provenance says it can be trusted */
    public boolean isValid() { return joules != null && provenance.valid(); }

    /** @return true when the figure is an estimate rather than a reading of a meter */
    public boolean isEstimate() { return provenance != null && provenance.isEstimate(); }
}
