package org.llmenergy.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;
import org.llmenergy.units.Provenance;

/**
 * Reads per-bin batch energies from a CSV with the header {@code input_bin,output_bin,batch_size,energy_j},
 * optionally followed by a {@code source} column holding a provenance label ({@code nvml-counter},
 * {@code rapl}, {@code model}, ...). One row is one full batch's energy in joules; repeats are separate rows.
 */
public final class BatchEnergiesCsv {
    private static final CsvOptions OPTIONS = CsvOptions.builder()
            .require("input_bin", "output_bin", "batch_size", "energy_j").optional("source").quoting(false).build();

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
        try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
            if (!csv.has("source") && defaultSource.isEmpty()) {
                throw new IllegalArgumentException(file + ":1: no 'source' column; say where the energies come from"
                        + " (a provenance label such as nvml-counter, rapl, cpu-time-estimate or model)");
            }
            List<BatchEnergy> out = new ArrayList<>();
            for (CsvRow r = csv.next(); r != null; r = csv.next()) {
                Provenance.Source source;
                if (r.has("source")) {
                    String label = r.text("source");
                    try {
                        source = Provenance.Source.fromLabel(label);
                    } catch (IllegalArgumentException e) {
                        throw r.error("source", "expected a provenance label, found '" + label + "'");
                    }
                } else {
                    source = defaultSource.get();
                }
                Provenance p = Provenance.of(source, Map.of("file", file.toString(), "line", Long.toString(r.line())));
                out.add(new BatchEnergy(positiveInt(r, "input_bin"), positiveInt(r, "output_bin"),
                        positiveInt(r, "batch_size"), positive(r, "energy_j"), p));
            }
            return out;
        }
    }

    private static int positiveInt(CsvRow r, String column) {
        long v = r.integer(column, 1);
        if (v > Integer.MAX_VALUE) throw r.error(column, "must be <= " + Integer.MAX_VALUE + ", got " + v);
        return (int) v;
    }

    private static double positive(CsvRow r, String column) {
        double v = r.number(column);
        if (!(v > 0)) throw r.error(column, "must be > 0, got " + v);
        return v;
    }
}
