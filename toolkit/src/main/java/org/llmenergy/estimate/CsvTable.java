package org.llmenergy.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small, strict reader for the estimator's unquoted numeric CSV inputs: a fixed header, then rows of cells.
 * Every error names the file, line and column.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** One data row: its 1-based line number and cells. */
    record Row(int line, List<String> cells) {}

    /**
     * @param file           the CSV file
     * @param requiredHeader the columns the header must start with, in order
     * @param optional       columns that may follow the required ones, in order
     */
    static CsvTable read(Path file, List<String> requiredHeader, List<String> optional) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) throw new IllegalArgumentException(file + ": empty file, expected header " + String.join(",", requiredHeader));
            List<String> header = split(first.startsWith("\uFEFF") ? first.substring(1) : first);
            boolean ok = header.size() >= requiredHeader.size() && header.subList(0, requiredHeader.size()).equals(requiredHeader)
                    && header.size() <= requiredHeader.size() + optional.size()
                    && header.subList(requiredHeader.size(), header.size()).equals(optional.subList(0, header.size() - requiredHeader.size()));
            if (!ok) {
                throw new IllegalArgumentException(file + ", line 1: expected header " + String.join(",", requiredHeader)
                        + (optional.isEmpty() ? "" : " (optionally followed by " + String.join(",", optional) + ")")
                        + " but found " + first);
            }
            List<Row> rows = new ArrayList<>();
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new IllegalArgumentException(file + ", line " + n + ": expected " + header.size() + " cells ("
                            + String.join(",", header) + "), found " + cells.size());
                }
                rows.add(new Row(n, cells));
            }
            return new CsvTable(file, header, rows);
        }
    }

    private static List<String> split(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::trim).toList();
    }

    List<Row> rows() { return rows; }

    boolean has(String column) { return header.contains(column); }

    String text(Row r, String column) { return r.cells().get(header.indexOf(column)); }

    int positiveInt(Row r, String column) {
        String v = text(r, column);
        try {
            int x = Integer.parseInt(v);
            if (x < 1) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw bad(r, column, v, "a positive integer");
        }
    }


    double positiveDouble(Row r, String column) {
        String v = text(r, column);
        try {
            double x = Double.parseDouble(v);
            if (!(x > 0) || Double.isInfinite(x)) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw bad(r, column, v, "a positive finite number");
        }
    }

    IllegalArgumentException bad(Row r, String column, String value, String expected) {
        return new IllegalArgumentException(file + ", line " + r.line() + ", column " + column + ": expected "
                + expected + ", found '" + value + "'");
    }

    Path file() { return file; }
}
