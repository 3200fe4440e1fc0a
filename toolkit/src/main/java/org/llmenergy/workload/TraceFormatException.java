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
        return printable(sb.append(reason).toString(), 600);
    }

    /**
     * Escapes what a terminal would act on or garble (control characters, the replacement character of bad UTF-8)
     * and truncates, so that an error about a binary file never echoes its bytes.
     */
    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= max) return out.append("… (truncated)").toString();
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\uFFFD' || Character.isISOControl(c)) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the trace file */
    public Path file() { return file; }

    /** @return the 1-based line, or 0 for the file as a whole */
    public long line() { return line; }

    /** @return the column's name, or null */
    public String column() { return column; }
}
