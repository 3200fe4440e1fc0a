package org.llmenergy.io;

/**
 * A file could not be read as its format says. The message is {@code file:line:col (field): reason}, each part
 * present when known: {@code t.csv:3:2 (ContextTokens): negative token count "-1"}, {@code t.csv:4: ...} for a
 * whole line, {@code t.csv: ...} for the file as a whole. Control characters are escaped and the message is
 * bounded, so an error about a binary file never echoes its bytes.
 */
public class FileFormatException extends IllegalArgumentException {
    private static final int MAX_MESSAGE = 600;

    private final String source;
    private final long line;
    private final int position;
    private final String field;
    private final String reason;

    /**
     * @param source   the file (or resource) name
     * @param line     1-based line, or 0 when the problem is the file as a whole
     * @param position the field's 1-based position, or 0 when unknown
     * @param field    the field's (column's) name, or null
     * @param reason   what is wrong
     */
    public FileFormatException(String source, long line, int position, String field, String reason) {
        super(printable(message(source, line, position, field, reason)));
        this.source = source;
        this.line = line;
        this.position = position;
        this.field = field;
        this.reason = reason;
    }

    private static String message(String source, long line, int position, String field, String reason) {
        StringBuilder sb = new StringBuilder().append(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (position > 0) sb.append(':').append(position);
        }
        if (field != null) sb.append(" (").append(field).append(')');
        return sb.append(": ").append(reason).toString();
    }

    /** Escapes what a terminal would act on or garble (control characters, U+FFFD of bad UTF-8) and truncates. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_MESSAGE) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX_MESSAGE) return out.append("… (truncated)").toString();
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\uFFFD' || Character.isISOControl(c)) {
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the file (or resource) name */
    public String source() { return source; }

    /** @return the 1-based line, or 0 for the file as a whole */
    public long line() { return line; }

    /** @return the field's 1-based position, or 0 when unknown */
    public int position() { return position; }

    /** @return the field's name, or null */
    public String field() { return field; }

    /** @return what is wrong, without the location */
    public String reason() { return reason; }
}
