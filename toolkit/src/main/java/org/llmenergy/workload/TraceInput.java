package org.llmenergy.workload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a trace's bytes: gzip is decompressed on the fly (magic bytes {@code 1f 8b}, RFC 1952, 1996), so a
 * {@code .csv.gz} reads like its {@code .csv}. Before a trace is parsed, {@link #sniff} names the likely cause
 * of a file that is no text trace (another compression, UTF-16, CR-only line endings, binary) instead of letting
 * a parser echo its bytes.
 */
final class TraceInput {
    private static final int SNIFF_BYTES = 1 << 16;

    private TraceInput() {}

    /** @return the file's bytes, decompressed when it is gzip */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        return raw;
    }

    /**
     * @throws TraceFormatException (line 0) naming the likely cause when the start of the file is not text a
     *                              trace reader can parse
     */
    static void sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = open(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (java.util.zip.ZipException e) {
            throw new TraceFormatException(file, 0, null, 0, "starts like gzip but is not valid gzip (" + e.getMessage()
                    + "): a truncated download? fetch it again");
        }
        String cause = cause(head);
        if (cause != null) throw new TraceFormatException(file, 0, null, 0, cause + " (starts with " + hex(head) + ")");
    }

    /** @return why these first bytes are not a text trace, or null when they look like one */
    static String cause(byte[] b) {
        if (starts(b, 0x28, 0xb5, 0x2f, 0xfd)) return "compressed with zstd; decompress it first (zstd -d); gzip is read directly";
        if (starts(b, 'B', 'Z', 'h')) return "compressed with bzip2; decompress it first (bunzip2); gzip is read directly";
        if (starts(b, 0xfd, '7', 'z', 'X', 'Z', 0)) return "compressed with xz; decompress it first (unxz); gzip is read directly";
        if (starts(b, 'P', 'K', 3, 4)) return "a zip archive; extract the trace from it first (unzip)";
        if (starts(b, 0xff, 0xfe) || starts(b, 0xfe, 0xff) || mostlyAlternatingNuls(b)) {
            return "UTF-16 text, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)";
        }
        int nul = 0;
        int controls = 0;
        boolean lf = false;
        boolean cr = false;
        for (byte x : b) {
            int c = x & 0xff;
            if (c == 0) nul++;
            if (c == '\n') lf = true;
            if (c == '\r') cr = true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') controls++;
        }
        if (nul > 0 || controls > b.length / 100 + 2) return "a binary file, not a CSV or JSON Lines trace";
        if (cr && !lf) return "CR-only line endings (classic Mac); convert them first (tr '\\r' '\\n')";
        return null;
    }

    private static boolean mostlyAlternatingNuls(byte[] b) {
        int n = Math.min(b.length, 512) & ~1;
        if (n < 8) return false;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) even++;
            if (b[i + 1] == 0) odd++;
        }
        return Math.max(even, odd) > n / 2 * 0.8;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
        return true;
    }

    /** @return the first bytes in hex, so no raw byte reaches the terminal */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) sb.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
        return sb.toString();
    }
}
