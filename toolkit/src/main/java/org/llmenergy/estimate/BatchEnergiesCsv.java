package org.llmenergy.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmenergy.units.Provenance;

/**
 * Reads per-bin batch energies from a CSV with the header {@code input_bin,output_bin,batch_size,energy_j},
 * optionally followed by a {@code source} column holding a provenance label ({@code nvml-counter},
 * {@code rapl}, {@code model}, ...). One row is one full batch's energy in joules; repeats are separate rows.
 */
public final class BatchEnergiesCsv {
    private static final List<String> HEADER = List.of("input_bin", "output_bin", "batch_size", "energy_j");

    private BatchEnergiesCsv() {}

    /**
     * @param file          the CSV file
     * @param defaultSource the provenance source for rows when the file has no {@code source} column; empty to
     *                      require the column
     * @return the batch energies, in file order
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and column of the first bad cell
     */
    public static List<BatchEnergy> read(Path file, Optional<Provenance.Source> defaultSource) throws IOException {
        CsvTable t = CsvTable.read(file, HEADER, List.of("source"));
        if (!t.has("source") && defaultSource.isEmpty()) {
            throw new IllegalArgumentException(file + ", line 1: no 'source' column; say where the energies come from"
                    + " (a provenance label such as nvml-counter, rapl, cpu-time-estimate or model)");
        }
        List<BatchEnergy> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            Provenance.Source source;
            if (t.has("source")) {
                String label = t.text(r, "source");
                try {
                    source = Provenance.Source.fromLabel(label);
                } catch (IllegalArgumentException e) {
                    throw t.bad(r, "source", label, "a provenance label");
                }
            } else {
                source = defaultSource.get();
            }
            Provenance p = Provenance.of(source, Map.of("file", file.toString(), "line", Integer.toString(r.line())));
            out.add(new BatchEnergy(t.positiveInt(r, "input_bin"), t.positiveInt(r, "output_bin"),
                    t.positiveInt(r, "batch_size"), t.positiveDouble(r, "energy_j"), p));
        }
        return out;
    }
}
