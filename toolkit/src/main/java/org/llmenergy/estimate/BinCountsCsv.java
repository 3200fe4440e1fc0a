package org.llmenergy.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.llmenergy.workload.BinCount;

/**
 * Reads the bins CSV that {@code llm-energy workload bins --format csv} prints: exactly the header
 * {@code input_bin,output_bin,requests}, one row per bin.
 */
public final class BinCountsCsv {
    private static final List<String> HEADER = List.of("input_bin", "output_bin", "requests");

    private BinCountsCsv() {}

    /**
     * @param file the CSV file
     * @return the bin counts, in file order
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and column of the first bad cell, or a repeated bin
     */
    public static List<BinCount> read(Path file) throws IOException {
        CsvTable t = CsvTable.read(file, HEADER, List.of());
        List<BinCount> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            int in = t.positiveInt(r, "input_bin");
            int outBin = t.positiveInt(r, "output_bin");
            long n = t.nonNegativeLong(r, "requests");
            if (!seen.add(in + "," + outBin)) {
                throw new IllegalArgumentException(file + ", line " + r.line() + ": bin (" + in + ", " + outBin + ") appears twice");
            }
            out.add(new BinCount(in, outBin, n));
        }
        return out;
    }
}
