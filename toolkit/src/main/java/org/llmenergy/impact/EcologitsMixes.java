package org.llmenergy.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;

/**
 * EcoLogits' {@code electricity_mixes.csv} (ADEME Base Empreinte): per zone, {@code adpe} kgSbeq/kWh, {@code pe}
 * MJ/kWh, {@code gwp} kgCO2eq/kWh and {@code wue} L/kWh (water consumed off site to generate a kWh). Zone
 * {@code WOR} is the world average.
 */
final class EcologitsMixes {
    /** Where the figures come from. */
    static final String SOURCE = "ADEME Base Empreinte, via EcoLogits electricity_mixes.csv (Rince & Banse, JOSS 2025)";
    /** The world-average zone. */
    static final String WORLD = "WOR";

    /**
     * One zone.
     *
     * @param zone    ISO-3 code or {@code WOR}
     * @param adpe    abiotic depletion, kgSbeq/kWh
     * @param pe      primary energy, MJ/kWh
     * @param gwpKg   global warming, kgCO2eq/kWh
     * @param waterL  water, L/kWh
     */
    record Zone(String zone, double adpe, double pe, double gwpKg, double waterL) {}

    private static final CsvOptions OPTIONS = CsvOptions.builder().require("name", "adpe", "pe", "gwp", "wue").build();

    private EcologitsMixes() {}

    /** @return zones by name, in file order */
    static Map<String, Zone> read(Path file) {
        try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
            Map<String, Zone> out = new LinkedHashMap<>();
            for (CsvRow f = csv.next(); f != null; f = csv.next()) {
                String zone = f.text("name");
                out.put(zone, new Zone(zone, nonNegative(f, "adpe"), nonNegative(f, "pe"), nonNegative(f, "gwp"),
                        nonNegative(f, "wue")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double nonNegative(CsvRow row, String column) {
        double v = row.number(column);
        if (v < 0) throw row.error(column, "is negative: " + v);
        return v;
    }
}
