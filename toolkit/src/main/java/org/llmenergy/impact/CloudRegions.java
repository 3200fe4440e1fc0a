package org.llmenergy.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private CloudRegions() {}

    /** @return regions keyed {@code provider:region} (lower case), in file order */
    static Map<String, Region> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty, expected a header line");
        List<String> header = Csv.split(Csv.stripBom(lines.get(0)));
        int provider = column(header, "provider", file), region = column(header, "region", file),
                iso = column(header, "countryIsoCode", file), country = column(header, "country_name", file),
                city = column(header, "city", file), impact = column(header, "impact", file), source = column(header, "source", file);
        Map<String, Region> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> f = Csv.split(lines.get(i));
            int lineNo = i + 1;
            if (f.size() < header.size() - 1) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + f.size() + " fields, the header has " + header.size());
            }
            Region r = new Region(f.get(provider).trim().toLowerCase(Locale.ROOT), f.get(region).trim().toLowerCase(Locale.ROOT),
                    f.get(iso).trim().toUpperCase(Locale.ROOT), f.get(country).trim(), get(f, city),
                    Csv.number(f.get(impact), file.toString(), lineNo, "impact"), get(f, source));
            out.put(r.key(), r);
        }
        return out;
    }

    private static String get(List<String> f, int i) { return i < f.size() ? f.get(i).trim() : ""; }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(file + ":1: no column '" + name + "' in the header " + header);
        return i;
    }
}
