package org.llmenergy.workload;

import java.nio.file.Path;

/**
 * A trace file could not be read as its format says. The message names the file, the line (1-based) and,
 * when one is to blame, the column ({@code file:line: column 'ContextTokens' (2): ...}). A read that throws
 * this produced no result: callers must discard anything they accumulated from it.
 */
public final class TraceFormatException extends RuntimeException {
    private final Path file;
    private final long line;
    private final String column;

    /**
     * @param file   the trace
     * @param line   1-based line, or 0 when the problem is the file as a whole
     * @param column the column's name, or null
     * @param index  the column's 1-based position, or 0 when unknown
     * @param reason what is wrong
     */
    public TraceFormatException(Path file, long line, String column, int index, String reason) {
        super(message(file, line, column, index, reason));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String message(Path file, long line, String column, int index, String reason) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append('\'');
            if (index > 0) sb.append(" (").append(index).append(')');
            sb.append(": ");
        }
        return sb.append(reason).toString();
    }

    /** @return the trace file */
    public Path file() { return file; }

    /** @return the 1-based line, or 0 for the file as a whole */
    public long line() { return line; }

    /** @return the column's name, or null */
    public String column() { return column; }
}
