package org.llmenergy.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmenergy.io.CsvField;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;

/**
 * CodeCarbon's {@code emissions.csv}: reading rows by column name (so older and newer layouts both read) and
 * appending rows in the layout of the file being appended to.
 *
 * <p>The column list is CodeCarbon 3.x's file output: the fields of {@code EmissionsData}
 * (mlco2/codecarbon, {@code codecarbon/output_methods/emissions_data.py}), with {@code water_consumed} and
 * {@code wue} added in 2025 (mlco2/codecarbon PRs #941 and #952) and the utilisation columns after
 * {@code tracking_mode}, as files written by CodeCarbon 3 show (2025–2026). Older files lack some of them.
 */
public final class CodeCarbonCsv {
    /** The columns of a new file, in order. */
    public static final List<String> COLUMNS = List.of("timestamp", "project_name", "run_id", "experiment_id", "duration",
            "emissions", "emissions_rate", "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy",
            "energy_consumed", "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region",
            "os", "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
            "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
            "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue");

    /** Rows may stop short of the header (older CodeCarbon versions); values are kept as written. */
    private static final CsvOptions OPTIONS = CsvOptions.builder().trim(false).missingTrailing(Integer.MAX_VALUE).build();

    private CodeCarbonCsv() {}

    /**
     * @param file an emissions.csv
     * @return its rows, each with its line number
     * @throws IllegalArgumentException naming file and line for a row with more fields than the header, or a header
     *                                  without {@code energy_consumed}
     */
    public static List<CodeCarbonRow> read(Path file) {
        try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
            List<String> header = csv.header();
            if (!csv.has("energy_consumed") || !csv.has("timestamp")) {
                throw new IllegalArgumentException(file + ":1: not a CodeCarbon emissions.csv (no 'timestamp' and 'energy_consumed' columns)");
            }
            List<CodeCarbonRow> rows = new ArrayList<>();
            for (CsvRow r = csv.next(); r != null; r = csv.next()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int k = 0; k < header.size(); k++) values.put(header.get(k), r.text(k));
                rows.add(new CodeCarbonRow(Math.toIntExact(r.line()), values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one row and syncs it. A new (or empty) file gets {@link #COLUMNS} as its header; an existing file keeps
     * its own header, and the row is written in that layout so nothing already recorded is touched.
     *
     * @param file the emissions.csv
     * @param row  the values by column name
     * @return the columns of {@code row} with a value that the file's header has no place for (dropped)
     */
    public static List<String> append(Path file, CodeCarbonRow row) {
        try {
            List<String> header = COLUMNS;
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            boolean needsNewline = false;
            if (!fresh) {
                try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
                    header = csv.header();
                }
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, ch.size() - 1);
                    needsNewline = last.get(0) != '\n';
                }
            }
            StringBuilder out = new StringBuilder();
            if (needsNewline) out.append('\n');
            if (fresh) out.append(String.join(",", header)).append('\n');
            List<String> fields = new ArrayList<>();
            for (String c : header) fields.add(CsvField.quote(row.values().getOrDefault(c, "")));
            out.append(String.join(",", fields)).append('\n');
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer b = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            List<String> dropped = new ArrayList<>();
            for (Map.Entry<String, String> e : row.values().entrySet()) {
                if (!header.contains(e.getKey()) && !e.getValue().isEmpty()) dropped.add(e.getKey());
            }
            return dropped;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

}
