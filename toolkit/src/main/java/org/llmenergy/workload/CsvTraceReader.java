package org.llmenergy.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmenergy.io.CsvScanner;
import org.llmenergy.io.FileFormatException;

/** Streams a CSV trace (Azure, BurstGPT or generic) row by row in bounded memory. */
final class CsvTraceReader {
    /** Passed as the arrival when a trace has no arrival column. */
    static final long NO_ARRIVAL = Long.MIN_VALUE;

    /** Receives each accepted row; {@code arrivalNanos} is {@link #NO_ARRIVAL} when there is no arrival column. */
    interface RowHandler {
        void row(int input, int output, long arrivalNanos);
    }

    private static final int BUFFER_BYTES = 1 << 20;

    private CsvTraceReader() {}

    /** Reads the header (first non-blank line) of a CSV file, names trimmed. */
    static List<String> header(CsvScanner sc) throws IOException {
        if (!sc.next()) throw new FileFormatException(sc.source(), 0, 0, null, "empty file: expected a header line");
        List<String> names = new ArrayList<>(sc.fieldCount());
        for (int f = 0; f < sc.fieldCount(); f++) names.add(sc.text(f).trim());
        return names;
    }

    /** Opens a scanner on {@code file} with a small buffer, for detection. */
    static CsvScanner peek(Path file) throws IOException {
        return new CsvScanner(TraceInput.open(file), file.toString(), 1 << 16);
    }

    static ReadSummary read(Path file, TraceFormat format, TraceOptions options, RowHandler handler) throws IOException {
        try {
            return scan(file, format, options, handler);
        } catch (FileFormatException e) {
            throw TraceFormatException.of(file, e);
        }
    }

    private static ReadSummary scan(Path file, TraceFormat format, TraceOptions options, RowHandler handler) throws IOException {
        try (InputStream in = TraceInput.open(file);
             CsvScanner sc = new CsvScanner(in, file.toString(), BUFFER_BYTES)) {
            CsvLayout layout = CsvLayout.of(file, header(sc), format, options);
            final int columns = layout.columns();
            final int ci = layout.input();
            final int co = layout.output();
            final int ca = layout.arrival();
            final String inName = layout.inputName();
            final String outName = layout.outputName();
            final String arrName = layout.arrivalName();
            final ArrivalParser parser = layout.arrivalParser();
            final boolean dropFailed = options.dropFailed();
            final ArrivalParser.Memo memo = new ArrivalParser.Memo();
            final CsvScanner.FieldParser arrivals = parser == null ? null : (b, from, to) -> parser.parseNanos(b, from, to, memo);
            long rows = 0;
            long dropped = 0;
            while (sc.next()) {
                if (sc.fieldCount() != columns) {
                    throw sc.error(-1, null, "expected " + columns + " columns ("
                            + String.join(",", layout.header()) + "), found " + sc.fieldCount()
                            + (sc.fieldCount() < columns ? " (truncated line?)" : ""));
                }
                int input = sc.tokenCount(ci, inName);
                int output = sc.tokenCount(co, outName);
                long arrival = ca == CsvLayout.NONE ? NO_ARRIVAL : sc.parse(ca, arrName, arrivals);
                rows++;
                if (dropFailed && output == 0) {
                    dropped++;
                    continue;
                }
                handler.row(input, output, arrival);
            }
            return new ReadSummary(rows, dropped);
        }
    }
}
