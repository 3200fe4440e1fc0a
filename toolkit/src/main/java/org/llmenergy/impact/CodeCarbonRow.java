package org.llmenergy.impact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.llmenergy.io.CsvRow;

/**
 * One row of a CodeCarbon {@code emissions.csv}: its values by column name, as text, in CodeCarbon's units
 * (duration s, emissions kgCO2e, power W, energy kWh, water L). An empty value is a missing one.
 *
 * @param line   1-based line in the file it was read from, or 0 for a row being written
 * @param values column name → value, in column order
 */
public record CodeCarbonRow(int line, Map<String, String> values) {
    public CodeCarbonRow {
        Objects.requireNonNull(values, "values");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the value of {@code column}, or null when the row has none or it is empty */
    public String text(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * @return the number in {@code column}, or null when empty or absent
     * @throws IllegalArgumentException naming file, line and column when it is not a number
     */
    public Double number(String column, String file) {
        String v = text(column);
        if (v == null) return null;
        int position = new java.util.ArrayList<>(values.keySet()).indexOf(column) + 1;
        return CsvRow.finite(v, file, line, position, column);
    }
}
