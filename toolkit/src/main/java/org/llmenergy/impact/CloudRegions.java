package org.llmenergy.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;

/**
 * CodeCarbon's {@code impact.csv}: cloud regions with the provider's grid intensity ({@code impact}, gCO2e/kWh),
 * the host country and the provider's source. The file starts with a UTF-8 byte-order mark.
 */
final class CloudRegions {
    /**
     * One region.
     *
     * @param provider    {@code gcp}, {@code aws} or {@code azure}
     * @param region      the provider's region name
     * @param iso3        host country, ISO-3
     * @param countryName host country name
     * @param city        city, or empty
     * @param gPerKwh     the provider's figure, gCO2e/kWh
     * @param source      the provider's source (a URL)
     */
    record Region(String provider, String region, String iso3, String countryName, String city, double gPerKwh, String source) {
        String key() { return provider + ":" + region; }
    }

    /** Some rows of CodeCarbon's file leave out their last field. */
    private static final CsvOptions OPTIONS = CsvOptions.builder()
            .require("provider", "region", "countryIsoCode", "country_name", "city", "impact", "source")
            .missingTrailing(1).build();

    private CloudRegions() {}

    /** @return regions keyed {@code provider:region} (lower case), in file order */
    static Map<String, Region> read(Path file) {
        try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
            Map<String, Region> out = new LinkedHashMap<>();
            for (CsvRow f = csv.next(); f != null; f = csv.next()) {
                Region r = new Region(f.text("provider").toLowerCase(Locale.ROOT), f.text("region").toLowerCase(Locale.ROOT),
                        f.text("countryIsoCode").toUpperCase(Locale.ROOT), f.text("country_name"), f.text("city"),
                        f.number("impact"), f.text("source"));
                out.put(r.key(), r);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
