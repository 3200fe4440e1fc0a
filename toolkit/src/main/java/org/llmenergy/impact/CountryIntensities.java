package org.llmenergy.impact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.llmenergy.io.Json;

/**
 * CodeCarbon's {@code global_energy_mix.json}: per ISO-3 country, {@code carbon_intensity} in gCO2e/kWh, the
 * {@code year} of the figure and {@code country_name}. The figures are Our World in Data's (from Ember).
 */
final class CountryIntensities {
    /** Where the country figures come from, as CodeCarbon documents it. */
    static final String SOURCE = "Our World in Data / Ember, via CodeCarbon global_energy_mix.json";

    /**
     * One country's line.
     *
     * @param iso3      ISO-3 code
     * @param name      country name
     * @param gPerKwh   carbon intensity, gCO2e/kWh
     * @param year      the year of the figure
     * @param totalTwh  the country's generation in the file, TWh (for the reason when the intensity is 0)
     */
    record Country(String iso3, String name, double gPerKwh, int year, double totalTwh) {}

    private CountryIntensities() {}

    /** @return countries by ISO-3 code, in file order */
    static Map<String, Country> read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object keyed by ISO-3 code");
        Map<String, Country> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file + ": country '" + e.getKey() + "'";
            JsonNode n = e.getValue();
            out.put(e.getKey(), new Country(e.getKey(), text(n, "country_name", where), number(n, "carbon_intensity", where),
                    (int) number(n, "year", where), n.path("total_TWh").isNumber() ? n.get("total_TWh").asDouble() : Double.NaN));
        }
        return out;
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not text");
        return v.asText();
    }
}
