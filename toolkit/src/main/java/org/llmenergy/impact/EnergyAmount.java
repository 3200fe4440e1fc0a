package org.llmenergy.impact;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmenergy.units.Energy;

/** Parses an energy typed with its unit: J, kJ, Wh, kWh or MWh, for example {@code 1kWh}. */
public final class EnergyAmount {
    private static final Pattern AMOUNT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z]+)\\s*");

    private EnergyAmount() {}

    /**
     * @param text for example {@code 1kWh}, {@code 250 J}, {@code 2.5e3 Wh}
     * @return the energy in joules
     * @throws IllegalArgumentException for a missing or unknown unit, or a negative amount
     */
    public static double joules(String text) {
        if (text == null) throw new IllegalArgumentException("--energy needs an amount with a unit, for example 1kWh");
        if (text.trim().startsWith("-")) throw new IllegalArgumentException("--energy must not be negative, got '" + text.trim() + "'");
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--energy '" + text + "' is not an amount with a unit (J, kJ, Wh, kWh, MWh), for example 1kWh");
        }
        double v = Double.parseDouble(m.group(1));
        double perUnit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "j" -> 1;
            case "kj" -> 1e3;
            case "wh" -> Energy.JOULES_PER_WH;
            case "kwh" -> Energy.JOULES_PER_KWH;
            case "mwh" -> 1000 * Energy.JOULES_PER_KWH;
            default -> throw new IllegalArgumentException("--energy unit '" + m.group(2) + "' is not one of J, kJ, Wh, kWh, MWh");
        };
        return v * perUnit;
    }
}
