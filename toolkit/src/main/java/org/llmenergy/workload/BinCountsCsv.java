package org.llmenergy.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the bins CSV that {@code llm-energy workload bins --format csv} writes: exactly the header
 * {@code input_bin,output_bin,requests}, then one row per bin. Errors name the file, line and column.
 */
public final class BinCountsCsv {
    /** The required header line. */
    public static final String HEADER = BinnedWorkload.CSV_HEADER;
    private static final String[] COLUMNS = HEADER.split(",");

    private BinCountsCsv() {}

    /**
     * @param file a bins CSV
     * @return its bins in file order
     * @throws IllegalArgumentException naming file, line and column for a malformed or repeated row
     * @throws IOException              when the file cannot be read
     */
    public static List<BinCount> read(Path file) throws IOException {
        List<BinCount> bins = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(file + ":1: header must be '" + HEADER + "', got '" + header + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 3) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 3 columns, got " + f.length);
                }
                long input = parse(file, lineNo, f, 0, 1);
                long output = parse(file, lineNo, f, 1, 1);
                long requests = parse(file, lineNo, f, 2, 0);
                if (input > Integer.MAX_VALUE || output > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": bin edge too large");
                }
                if (!seen.add(input << 32 | output)) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": bin (" + input + ", " + output + ") repeats");
                }
                bins.add(new BinCount((int) input, (int) output, requests));
            }
        }
        return bins;
    }

    private static long parse(Path file, int line, String[] fields, int column, long min) {
        String text = fields[column].strip();
        try {
            long v = Long.parseLong(text);
            if (v < min) {
                throw new IllegalArgumentException(file + ":" + line + ":" + (column + 1) + " (" + COLUMNS[column]
                        + "): must be >= " + min + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ":" + (column + 1) + " (" + COLUMNS[column]
                    + "): not an integer: '" + text + "'");
        }
    }
}
