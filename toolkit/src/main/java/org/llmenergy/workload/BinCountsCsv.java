package org.llmenergy.workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.llmenergy.io.CsvOptions;
import org.llmenergy.io.CsvReader;
import org.llmenergy.io.CsvRow;

/**
 * Reads the bins CSV that {@code llm-energy workload bins --format csv} writes: exactly the header
 * {@code input_bin,output_bin,requests}, then one row per bin. Errors name the file, line and column.
 */
public final class BinCountsCsv {
    /** The required header line. */
    public static final String HEADER = BinnedWorkload.CSV_HEADER;
    private static final CsvOptions OPTIONS = CsvOptions.builder().require(HEADER.split(",")).fixedOrder()
            .quoting(false).build();

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
        try (CsvReader csv = CsvReader.open(file, OPTIONS)) {
            for (CsvRow r = csv.next(); r != null; r = csv.next()) {
                long input = r.integer("input_bin", 1);
                long output = r.integer("output_bin", 1);
                long requests = r.integer("requests", 0);
                if (input > Integer.MAX_VALUE || output > Integer.MAX_VALUE) throw r.error("bin edge too large");
                if (!seen.add(input << 32 | output)) throw r.error("bin (" + input + ", " + output + ") repeats");
                bins.add(new BinCount((int) input, (int) output, requests));
            }
        }
        return bins;
    }
}
