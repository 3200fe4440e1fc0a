package org.llmenergy.io;

import java.util.List;
import java.util.Map;

/**
 * One row read by {@link CsvReader}: its line and its cells by column name. The typed getters throw a
 * {@link FileFormatException} naming the file, line, field position and column of a bad value.
 */
public final class CsvRow {
    private final String source;
    private final long line;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final String[] cells;

    CsvRow(String source, long line, List<String> header, Map<String, Integer> index, String[] cells) {
        this.source = source;
        this.line = line;
        this.header = header;
        this.index = index;
        this.cells = cells;
    }

    /** @return the 1-based line the row was read from */
    public long line() { return line; }

    /** @return whether the file has {@code column} */
    public boolean has(String column) { return index.containsKey(column); }

    /**
     * @param column a column of the header
     * @return its cell; empty when the row left it out
     * @throws IllegalArgumentException when the header has no such column (a caller's mistake, not the file's)
     */
    public String text(String column) { return cells[at(column)]; }

    /** @return the cell at 0-based position {@code i} */
    public String text(int i) { return cells[i]; }

    /** @return the number of cells, the header's width */
    public int size() { return cells.length; }

    /**
     * @param column a column of the header
     * @param min    the smallest value allowed
     * @return the cell as a whole number
     * @throws FileFormatException when it is no integer or is below {@code min}
     */
    public long integer(String column, long min) {
        String v = text(column);
        long x;
        try {
            x = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(column, "not an integer: '" + v + "'");
        }
        if (x < min) throw error(column, "must be >= " + min + ", got " + x);
        return x;
    }

    /**
     * @param column a column of the header
     * @return the cell as a finite number
     * @throws FileFormatException when it is not one
     */
    public double number(String column) {
        return finite(text(column), source, line, at(column) + 1, column);
    }

    /**
     * Parses a finite number from a cell read elsewhere (a row kept as a map).
     *
     * @param text     the cell
     * @param source   the file's name
     * @param line     1-based line
     * @param position the cell's 1-based position, or 0 when unknown
     * @param column   the column's name
     * @return the number
     * @throws FileFormatException naming the location when {@code text} is no finite number
     */
    public static double finite(String text, String source, long line, int position, String column) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FileFormatException(source, line, position, column, "not a finite number: '" + text + "'");
    }

    /**
     * @param column the column to blame
     * @param reason what is wrong with its cell
     * @return an error naming the file, this line, the cell's position and {@code column}
     */
    public FileFormatException error(String column, String reason) {
        return new FileFormatException(source, line, at(column) + 1, column, reason);
    }

    /**
     * @param reason what is wrong with the row as a whole
     * @return an error naming the file and this line
     */
    public FileFormatException error(String reason) {
        return new FileFormatException(source, line, 0, null, reason);
    }

    private int at(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException("no column '" + column + "' in " + source + "'s header " + header);
        return i;
    }
}
