package org.llmenergy.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private EcologitsMixes() {}

    /** @return zones by name, in file order */
    static Map<String, Zone> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty, expected the header name,adpe,pe,gwp,wue");
        List<String> header = Csv.split(Csv.stripBom(lines.get(0)));
        String[] names = {"name", "adpe", "pe", "gwp", "wue"};
        int[] col = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            col[k] = header.indexOf(names[k]);
            if (col[k] < 0) throw new IllegalArgumentException(file + ":1: no column '" + names[k] + "' in the header " + header);
        }
        Map<String, Zone> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> f = Csv.split(lines.get(i));
            int lineNo = i + 1;
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + f.size() + " fields, the header has " + header.size());
            }
            double[] v = new double[4];
            for (int k = 1; k < names.length; k++) {
                v[k - 1] = Csv.number(f.get(col[k]), file.toString(), lineNo, names[k]);
                if (v[k - 1] < 0) throw new IllegalArgumentException(file + ":" + lineNo + ": field '" + names[k] + "' is negative");
            }
            String zone = f.get(col[0]).trim();
            out.put(zone, new Zone(zone, v[0], v[1], v[2], v[3]));
        }
        return out;
    }
}
