package org.llmenergy.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.io.CsvScanner;
import org.llmenergy.io.Json;

/**
 * Streams a JSON Lines trace: one object per line with input and output token fields (named by
 * {@link TraceOptions} or found among the usual names) and optionally an arrival field (seconds, or a
 * date-time string). Slower than the CSV readers (one small JSON parse per line), but still one pass in
 * bounded memory.
 */
final class JsonLinesTraceReader {
    /** Strict per line: a second value after the object (a lost newline) and a repeated key are errors. */
    private static final ObjectMapper JSON = Json.strict();
    /** The CSV reader's bound ({@link CsvScanner#MAX_LINE_BYTES}): a longer line is not a trace row and must not fill the heap. */
    static final int MAX_LINE_CHARS = CsvScanner.MAX_LINE_BYTES;

    private JsonLinesTraceReader() {}

    static ReadSummary read(Path file, TraceOptions options, CsvTraceReader.RowHandler handler) throws IOException {
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(TraceInput.open(file),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
            String in = options.inputColumn();
            String out = options.outputColumn();
            String arr = options.arrivalColumn();
            boolean resolved = false;
            long line = 0;
            long rows = 0;
            long dropped = 0;
            StringBuilder buf = new StringBuilder(256);
            for (String text; (text = readLine(r, buf, file, line + 1)) != null; ) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    String why = e.getOriginalMessage();
                    if (why.startsWith("Trailing token")) {
                        why = "more than one JSON value on the line (a lost newline between two records?): " + why;
                    }
                    throw new TraceFormatException(file, line, null, 0, "not valid JSON: " + why);
                }
                if (node == null || !node.isObject()) {
                    throw new TraceFormatException(file, line, null, 0, "expected a JSON object per line");
                }
                if (!resolved) {
                    List<String> names = new ArrayList<>();
                    node.fieldNames().forEachRemaining(names::add);
                    in = field(file, line, names, in, CsvLayout.INPUT_ALIASES, "input", true);
                    out = field(file, line, names, out, CsvLayout.OUTPUT_ALIASES, "output", true);
                    arr = field(file, line, names, arr, CsvLayout.ARRIVAL_ALIASES, "arrival", arr != null);
                    resolved = true;
                }
                int input = count(file, line, node, in);
                int output = count(file, line, node, out);
                long arrival = arr == null ? CsvTraceReader.NO_ARRIVAL : arrival(file, line, node, arr);
                rows++;
                if (options.dropFailed() && output == 0) {
                    dropped++;
                    continue;
                }
                handler.row(input, output, arrival);
            }
            if (line == 0) throw new TraceFormatException(file, 0, null, 0, "empty file: expected JSON lines");
            return new ReadSummary(rows, dropped);
        }
    }

    /** One line without its terminator ({@code \n}, {@code \r\n}), or null at the end; at most MAX_LINE_CHARS. */
    private static String readLine(Reader r, StringBuilder buf, Path file, long lineNo) throws IOException {
        buf.setLength(0);
        int c;
        while ((c = r.read()) != -1) {
            if (c == '\n') break;
            if (buf.length() >= MAX_LINE_CHARS) {
                throw new TraceFormatException(file, lineNo, null, 0, "line longer than " + MAX_LINE_CHARS
                        + " characters (not a JSON Lines trace, or its newlines are lost)");
            }
            buf.append((char) c);
        }
        if (c == -1 && buf.length() == 0) return null;
        int end = buf.length();
        if (end > 0 && buf.charAt(end - 1) == '\r') end--;
        return buf.substring(0, end);
    }

    private static String field(Path file, long line, List<String> names, String wanted, List<String> aliases,
                                String what, boolean required) {
        if (wanted != null) {
            if (names.contains(wanted)) return wanted;
            throw new TraceFormatException(file, line, wanted, 0, "no " + what + " field named '" + wanted + "'");
        }
        for (String a : aliases) {
            for (String n : names) if (n.toLowerCase(Locale.ROOT).equals(a)) return n;
        }
        if (!required) return null;
        throw new TraceFormatException(file, line, null, 0, "no " + what + " field among " + String.join(", ", aliases)
                + " (name it with --" + what + "-column)");
    }

    private static int count(Path file, long line, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) throw new TraceFormatException(file, line, name, 0, "missing field");
        if (v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            double d = v.asDouble();
            if (d < 0) throw new TraceFormatException(file, line, name, 0, "negative token count " + v);
            if (d > Integer.MAX_VALUE) throw new TraceFormatException(file, line, name, 0, "token count " + v + " is too large");
            return (int) d;
        }
        throw new TraceFormatException(file, line, name, 0, "expected a non-negative whole number of tokens, got " + v);
    }

    private static long arrival(Path file, long line, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) throw new TraceFormatException(file, line, name, 0, "missing field");
        byte[] b = (v.isNumber() ? v.decimalValue().toPlainString() : v.asText()).getBytes(StandardCharsets.UTF_8);
        try {
            return ArrivalParser.AUTO.parseNanos(b, 0, b.length);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(file, line, name, 0, e.getMessage() + ", got " + v);
        }
    }
}
