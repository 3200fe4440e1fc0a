package org.llmenergy.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.units.Interval;

/** Human-readable impacts: CO2e in g, kg or t; water in L; energy in kWh; each with its interval and factors. */
public final class ImpactText {
    private ImpactText() {}

    /** @return {@code grams} of CO2e with a unit chosen by magnitude: g below 1 kg, kg below 1 t, else t */
    public static String co2e(double grams) {
        double a = Math.abs(grams);
        if (a < 1000) return String.format(Locale.ROOT, "%.4g g CO2e", grams);
        if (a < 1e6) return String.format(Locale.ROOT, "%.4g kg CO2e", grams / 1000);
        return String.format(Locale.ROOT, "%.4g t CO2e", grams / 1e6);
    }

    /** @return litres, for example {@code "1.950 L"}, or {@code "3,048,000 L"} from 10,000 up */
    public static String litres(double l) { return plain(l) + " L"; }

    /** @return kWh, for example {@code "1.000 kWh"}, or {@code "500,000 kWh"} from 10,000 up */
    public static String kwh(double kwh) { return plain(kwh) + " kWh"; }

    /** Four significant digits, without an exponent for large values (people read 3,048,000 more easily than 3.048e+06). */
    private static String plain(double x) {
        return Math.abs(x) < 1e4 ? String.format(Locale.ROOT, "%.4g", x) : String.format(Locale.ROOT, "%,.0f", x);
    }

    /** @return the impacts as lines for people */
    public static List<String> lines(Impacts i) {
        List<String> out = new ArrayList<>();
        GridFactors g = i.request().grid();
        out.add("location:    " + g.name() + " [" + g.location().label() + "]");
        out.add("energy:      " + range(i.itEnergyKwh(), "kwh") + " IT; " + range(i.facilityKwh(), "kwh") + " with PUE "
                + i.pue().describe());
        out.add("operational: " + show(i.operational(), "co2e"));
        out.add("water:       " + show(i.water(), "l") + "  (on site " + show(i.waterOnsite(), "l") + "; off site "
                + show(i.waterOffsite(), "l") + ")");
        out.add("embodied:    " + show(i.embodied(), "co2e"));
        out.add("cost:        " + (i.cost().isPresent() ? range(i.cost().interval(), "money") + " " + i.cost().unit()
                : "n/a (" + i.cost().missingReason() + ")"));
        out.add("factors:");
        out.add("  carbon intensity: " + (g.carbonIntensity() == null ? "none (" + g.carbonMissing() + ")" : g.carbonIntensity().describe()));
        out.add("  WUE (on site):    " + i.wue().describe());
        out.add("  grid water:       " + (g.water() == null ? "none (" + g.waterMissing() + ")" : g.water().describe()));
        if (i.footprint() != null) {
            out.add("  GPU footprint:    " + (i.footprint().perGpu() == null ? "none (" + i.footprint().missingReason() + ")"
                    : i.footprint().perGpu().describe()));
            Amortisation a = i.request().amortisation();
            out.add(String.format(Locale.ROOT, "  amortised over:   %.3g years at %.0f %% utilisation (%s)", a.lifetimeYears(),
                    a.utilisation() * 100, a.source()));
        }
        out.add(String.format(Locale.ROOT, "intervals are %.0f %% and carry the energy's interval", Interval.LEVEL * 100));
        return out;
    }

    private static String show(ImpactValue v, String kind) {
        return v.isPresent() ? range(v.interval(), kind) : "n/a (" + v.missingReason() + ")";
    }

    private static String range(Interval v, String kind) {
        String value = fmt(v.value(), kind);
        return v.low() == v.high() ? value : value + " [" + fmt(v.low(), kind) + ", " + fmt(v.high(), kind) + "]";
    }

    private static String fmt(double x, String kind) {
        return switch (kind) {
            case "co2e" -> co2e(x);
            case "l" -> litres(x);
            case "kwh" -> kwh(x);
            default -> String.format(Locale.ROOT, "%.4g", x);
        };
    }
}
