package org.llmenergy.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.units.Interval;

/** Number formatting shared by the commands' human, CSV and JSON output. */
final class Numbers {
    private Numbers() {}

    /** @return an integral value without decimals, otherwise {@code decimals} decimals; "n/a" for NaN */
    static String compact(double v, int decimals) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** @return full precision for CSV; empty for NaN (undefined) */
    static String csv(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** @return the value for JSON: null for NaN (undefined) */
    static Double json(double v) { return Double.isNaN(v) ? null : v; }

    /** @return an interval for JSON: {@code value}, {@code low}, {@code high} in its own unit */
    static Map<String, Object> interval(Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", i.value());
        m.put("low", i.low());
        m.put("high", i.high());
        return m;
    }
}
