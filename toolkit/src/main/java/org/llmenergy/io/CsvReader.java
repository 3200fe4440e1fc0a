package org.llmenergy.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The toolkit's one strict CSV reader: a header checked against {@link CsvOptions}, then rows of the header's width,
 * each a {@link CsvRow} whose typed getters name the file, line, field position and column of a bad value
 * ({@link FileFormatException}). Blank lines are skipped, a UTF-8 byte-order mark is dropped, and "\r\n" line ends
 * read as "\n" (see {@link CsvScanner}, its engine).
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(file, CsvOptions.builder().require("gpu", "tdp_w").build())) {
 *     for (CsvRow row = csv.next(); row != null; row = csv.next()) {
 *         double watts = row.number("tdp_w");
 *     }
 * }
 * }</pre>
 */
public final class CsvReader implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final CsvScanner scanner;
    private final CsvOptions options;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvReader(CsvScanner scanner, CsvOptions options) throws IOException {
        this.scanner = scanner;
        this.options = options;
        this.header = options.header() ? readHeader() : options.required();
        for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i), i);
        checkHeader();
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file    the CSV file (UTF-8)
     * @param options how to read it
     * @return the reader, positioned before the first row
     * @throws IOException         when the file cannot be read
     * @throws FileFormatException when the header does not fit {@code options}
     */
    public static CsvReader open(Path file, CsvOptions options) throws IOException {
        return open(Files.newInputStream(file), file.toString(), options);
    }

    /**
     * As {@link #open(Path, CsvOptions)}, for a stream (a classpath resource).
     *
     * @param in      the bytes, UTF-8; closed with the reader (or here, when the header is bad)
     * @param source  the name errors give
     * @param options how to read it
     * @return the reader, positioned before the first row
     * @throws IOException         when reading fails
     * @throws FileFormatException when the header does not fit {@code options}
     */
    public static CsvReader open(InputStream in, String source, CsvOptions options) throws IOException {
        try {
            return new CsvReader(new CsvScanner(in, source, BUFFER_BYTES, options.quoting()), options);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private List<String> readHeader() throws IOException {
        if (!nextLine()) {
            throw new FileFormatException(scanner.source(), 0, 0, null, "empty file, expected a header"
                    + (options.required().isEmpty() ? "" : " with " + String.join(",", options.required())));
        }
        List<String> names = new ArrayList<>(scanner.fieldCount());
        for (int f = 0; f < scanner.fieldCount(); f++) names.add(scanner.text(f).trim());
        return List.copyOf(names);
    }

    private void checkHeader() {
        List<String> req = options.required();
        if (options.fixedOrder()) {
            List<String> opt = options.optional();
            boolean ok = header.size() >= req.size() && header.size() <= req.size() + opt.size()
                    && header.subList(0, req.size()).equals(req)
                    && header.subList(req.size(), header.size()).equals(opt.subList(0, header.size() - req.size()));
            if (!ok) {
                throw scanner.error(-1, null, "header must be '" + String.join(",", req) + "'"
                        + (opt.isEmpty() ? "" : " (optionally followed by '" + String.join(",", opt) + "')")
                        + ", got '" + String.join(",", header) + "'");
            }
            return;
        }
        for (String c : req) {
            if (!index.containsKey(c)) throw scanner.error(-1, null, "no column '" + c + "' in the header " + header);
        }
    }

    /** Advances to the next line that is no comment; false at the end. */
    private boolean nextLine() throws IOException {
        String prefix = options.commentPrefix();
        while (scanner.next()) {
            if (prefix == null || !scanner.text(0).startsWith(prefix)) return true;
        }
        return false;
    }

    /** @return the column names, from the header line or (without one) from the options */
    public List<String> header() { return header; }

    /** @return whether the header has {@code column} */
    public boolean has(String column) { return index.containsKey(column); }

    /** @return the file's name, as errors give it */
    public String source() { return scanner.source(); }

    /**
     * @return the next row, or null at the end of the file
     * @throws IOException         when reading fails
     * @throws FileFormatException for a row wider than the header, or narrower than it allows
     */
    public CsvRow next() throws IOException {
        if (!nextLine()) return null;
        int n = scanner.fieldCount();
        if (n > header.size() || n < header.size() - options.missingTrailing()) {
            throw scanner.error(-1, null, "expected " + header.size() + " columns (" + String.join(",", header)
                    + "), found " + n);
        }
        String[] cells = new String[header.size()];
        for (int f = 0; f < cells.length; f++) {
            String t = f < n ? scanner.text(f) : "";
            cells[f] = options.trim() ? t.trim() : t;
        }
        return new CsvRow(scanner.source(), scanner.lineNumber(), header, index, cells);
    }

    /**
     * Reads every remaining row.
     *
     * @return the rows, in file order
     * @throws IOException when reading fails
     */
    public List<CsvRow> rows() throws IOException {
        List<CsvRow> out = new ArrayList<>();
        for (CsvRow r = next(); r != null; r = next()) out.add(r);
        return out;
    }

    @Override
    public void close() throws IOException { scanner.close(); }
}
