package org.llmenergy.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Splits a comma-separated file into rows and fields without allocating per row: fields are offsets into
 * a large byte buffer, delimiters are found eight bytes at a time (SWAR: one 64-bit word tests eight bytes
 * for ',', '\n' and '"'), and numbers are parsed straight from the bytes. Handles '\n' and "\r\n" line ends, a
 * UTF-8 byte-order mark, blank lines (skipped, as pandas does) and double-quoted fields within one line
 * ({@code ""} escapes a quote; with quoting off a quote is an ordinary byte). A quoted field spanning lines is an
 * error. This is the engine of {@link CsvReader}; a reader that must not allocate per row (a 27-million-row trace)
 * uses it directly. Errors are {@link FileFormatException}s naming the source, line, field position and name.
 */
public final class CsvScanner implements Closeable {
    /** The longest line the scanner accepts, in bytes; a longer one is no CSV row and must not fill the heap. */
    public static final int MAX_LINE_BYTES = 1 << 24;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;

    private final InputStream in;
    private final String source;
    private final boolean quoting;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;

    /**
     * Parses one field's bytes into a number; throws {@link IllegalArgumentException} with the reason when it cannot.
     */
    @FunctionalInterface
    public interface FieldParser {
        /**
         * @param bytes the buffer
         * @param from  the field's first byte (quotes removed)
         * @param to    one past its last byte
         * @return the value
         */
        long parse(byte[] bytes, int from, int to);
    }

    /**
     * A scanner that honours double quotes.
     *
     * @param in          the input (closed with the scanner)
     * @param source      the file's name, for errors
     * @param bufferBytes the initial buffer size (it grows for a longer line)
     */
    public CsvScanner(InputStream in, String source, int bufferBytes) throws IOException {
        this(in, source, bufferBytes, true);
    }

    /**
     * @param in          the input (closed with the scanner)
     * @param source      the file's name, for errors
     * @param bufferBytes the initial buffer size (it grows for a longer line)
     * @param quoting     whether a double quote at the start of a field opens a quoted field
     */
    public CsvScanner(InputStream in, String source, int bufferBytes, boolean quoting) throws IOException {
        this.in = in;
        this.source = source;
        this.quoting = quoting;
        this.buf = new byte[Math.max(bufferBytes, 64)];
        fill();
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) pos = 3;
    }

    /** @return the 1-based line number of the current row */
    public long lineNumber() { return lineNumber; }

    /** @return the number of fields of the current row */
    public int fieldCount() { return fieldCount; }

    /** @return the file's name, as errors give it */
    public String source() { return source; }

    /**
     * Advances to the next non-blank line.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        while (true) {
            int r = scanLine();
            if (r < 0) return false;
            if (r > 0) return true;
        }
    }

    /** @return -1 at end of input, 0 for a blank line, 1 for a row */
    private int scanLine() throws IOException {
        restart:
        while (true) {
            final byte[] b = buf;
            final int lim = limit;
            int i = pos;
            int f = 0;
            starts[0] = i;
            quoted[0] = false;
            scan:
            while (true) {
                if (i + 8 <= lim) {
                    // Eight bytes at a time: a mask of the commas, newlines and quotes among them.
                    long m = specials((long) LONGS.get(b, i));
                    while (m != 0) {
                        int j = i + (Long.numberOfTrailingZeros(m) >>> 3);
                        byte c = b[j];
                        if (c == ',') {
                            ends[f] = j;
                            if (++f == starts.length) growFields();
                            starts[f] = j + 1;
                            quoted[f] = false;
                        } else if (c == '\n') {
                            return endLine(f, j, j + 1);
                        } else if (c == '"' && quoting && j == starts[f]) {
                            int close = closingQuote(b, j + 1, lim);
                            if (close == -2) {
                                fill();
                                continue restart;
                            }
                            if (close < 0) throw unterminatedQuote(f);
                            quoted[f] = true;
                            i = close + 1;
                            continue scan;
                        }
                        m &= m - 1;
                    }
                    i += 8;
                    continue;
                }
                if (i >= lim) {
                    if (!eof) {
                        fill();
                        continue restart;
                    }
                    if (i == pos) return -1;
                    return endLine(f, i, i);
                }
                if (!eof) {
                    // Fewer than eight bytes left in the buffer: read more, then rescan the line.
                    fill();
                    continue restart;
                }
                byte c = b[i];
                if (c == ',') {
                    ends[f] = i;
                    if (++f == starts.length) growFields();
                    starts[f] = i + 1;
                    quoted[f] = false;
                } else if (c == '\n') {
                    return endLine(f, i, i + 1);
                } else if (c == '"' && quoting && i == starts[f]) {
                    int close = closingQuote(b, i + 1, lim);
                    if (close < 0) throw unterminatedQuote(f);
                    quoted[f] = true;
                    i = close;
                }
                i++;
            }
        }
    }

    private FileFormatException unterminatedQuote(int f) {
        lineNumber++;
        return new FileFormatException(source, lineNumber, f + 1, null,
                "unterminated quoted field (a quoted field may not span lines)");
    }

    /** @return a mask with the high bit set in each byte of {@code w} that is a comma, a newline or a quote */
    private static long specials(long w) {
        return zeroBytes(w ^ COMMAS) | zeroBytes(w ^ NEWLINES) | zeroBytes(w ^ QUOTES);
    }

    /** @return the high bit set exactly in the zero bytes of {@code x} (no false positives) */
    private static long zeroBytes(long x) {
        long y = (x & LOW7) + LOW7;
        return ~(y | x | LOW7);
    }

    /** @return the index of the closing quote, -1 if the line ends first, -2 if more input is needed */
    private int closingQuote(byte[] b, int j, int lim) {
        while (true) {
            if (j >= lim) return eof ? -1 : -2;
            byte c = b[j];
            if (c == '\n') return -1;
            if (c == '"') {
                if (j + 1 >= lim && !eof) return -2;
                if (j + 1 < lim && b[j + 1] == '"') {
                    j += 2;
                    continue;
                }
                return j;
            }
            j++;
        }
    }

    private int endLine(int f, int end, int nextPos) {
        if (end > starts[f] && buf[end - 1] == '\r') end--;
        ends[f] = end;
        fieldCount = f + 1;
        pos = nextPos;
        lineNumber++;
        return (f == 0 && end == starts[0]) ? 0 : 1;
    }

    private void growFields() {
        int n = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, n);
        ends = java.util.Arrays.copyOf(ends, n);
        quoted = java.util.Arrays.copyOf(quoted, n);
    }

    /** Keeps the unread bytes, moves them to the front, and reads more (growing for a very long line). */
    private void fill() throws IOException {
        if (pos == 0 && limit == buf.length) {
            if (buf.length >= MAX_LINE_BYTES) {
                throw new FileFormatException(source, lineNumber + 1, 0, null,
                        "line longer than " + MAX_LINE_BYTES + " bytes (not a CSV file?)");
            }
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }

    private int contentStart(int f) { return quoted[f] ? starts[f] + 1 : starts[f]; }

    private int contentEnd(int f, String column) {
        if (!quoted[f]) return ends[f];
        if (ends[f] - 1 <= starts[f] || buf[ends[f] - 1] != '"') {
            throw error(f, column, "text after the closing quote of a quoted field");
        }
        return ends[f] - 1;
    }

    /** @return field {@code f} (0-based) as text (quotes removed, {@code ""} unescaped) */
    public String text(int f) {
        int s = contentStart(f);
        int e = contentEnd(f, null);
        String t = new String(buf, s, e - s, StandardCharsets.UTF_8);
        return quoted[f] ? t.replace("\"\"", "\"") : t;
    }

    /**
     * Parses field {@code f} as a token count: a non-negative integer (a trailing ".0" is accepted, as
     * written by tools that store counts as floats).
     *
     * @param f      the 0-based field
     * @param column its name, for errors
     */
    public int tokenCount(int f, String column) {
        int s = contentStart(f);
        int e = contentEnd(f, column);
        final byte[] b = buf;
        if (s == e) throw error(f, column, "empty value, expected a token count");
        long v = 0;
        int i = s;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            if (v > Integer.MAX_VALUE) throw error(f, column, "token count " + snippet(f) + " is too large");
        }
        if (i == s || (i < e && !zeroFraction(b, i, e))) {
            if (b[s] == '-' && s + 1 < e && Character.isDigit(b[s + 1])) {
                throw error(f, column, "negative token count " + snippet(f));
            }
            throw error(f, column, "expected a non-negative whole number of tokens, got " + snippet(f));
        }
        return (int) v;
    }

    private static boolean zeroFraction(byte[] b, int i, int e) {
        if (b[i] != '.' || i + 1 == e) return false;
        for (int k = i + 1; k < e; k++) if (b[k] != '0') return false;
        return true;
    }

    /**
     * Parses field {@code f} straight from its bytes.
     *
     * @param f      the 0-based field
     * @param column its name, for errors
     * @param parser the parser; its {@link IllegalArgumentException} becomes an error naming this field
     */
    public long parse(int f, String column, FieldParser parser) {
        int s = contentStart(f);
        int e = contentEnd(f, column);
        try {
            return parser.parse(buf, s, e);
        } catch (IllegalArgumentException ex) {
            throw error(f, column, ex.getMessage() + ", got " + snippet(f));
        }
    }

    /** @return the field's text, quoted and shortened for messages */
    public String snippet(int f) {
        String t = new String(buf, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
        if (t.length() > 40) t = t.substring(0, 40) + "...";
        return '"' + t + '"';
    }

    /**
     * @param f      the 0-based field, or -1 for the line as a whole
     * @param column the field's name, or null
     * @param reason what is wrong
     * @return an error naming the source, the current line, the field's position and name
     */
    public FileFormatException error(int f, String column, String reason) {
        return new FileFormatException(source, lineNumber, f + 1, column, reason);
    }

    @Override
    public void close() throws IOException { in.close(); }
}
