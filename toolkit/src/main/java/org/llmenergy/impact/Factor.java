package org.llmenergy.impact;

import java.util.Locale;
import java.util.Objects;

/**
 * One number taken from elsewhere (a grid intensity, a PUE, a price), with where it comes from.
 *
 * @param value  the value, in {@code unit}; finite and non-negative
 * @param unit   for example {@code "gCO2e/kWh"}, {@code "L/kWh"}, {@code "ratio"}
 * @param source who published it (or {@code "user"} for an option given on the command line)
 * @param year   the year the figure describes, or null when the source gives none
 * @param note   what the reader should know about it (scope, how it was derived), or null
 */
public record Factor(double value, String unit, String source, Integer year, String note) {
    public Factor {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("factor from " + source + " must be finite and >= 0, got " + value + " " + unit);
        }
    }

    /** @return a factor the user gave, named by the option it came from */
    public static Factor user(double value, String unit, String option) {
        return new Factor(value, unit, "user (" + option + ")", null, null);
    }

    /** @return for example {@code "56.04 gCO2e/kWh (Our World in Data / Ember, via CodeCarbon global_energy_mix.json, 2023)"} */
    public String describe() {
        String u = unit.equals("ratio") ? "" : " " + unit;
        return String.format(Locale.ROOT, "%.4g%s (%s%s)", value, u, source, year == null ? "" : ", " + year);
    }
}
