package org.llmenergy.workload;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a trace's input, output and arrival columns are, found from its header by name, and which format
 * a header (plus the first data row) reveals.
 */
record CsvLayout(TraceFormat format, int columns, int input, int output, int arrival, String inputName,
                 String outputName, String arrivalName, ArrivalParser arrivalParser, List<String> header) {

    static final List<String> AZURE_HEADER = List.of("TIMESTAMP", "ContextTokens", "GeneratedTokens");
    static final List<String> BURSTGPT_HEADER =
            List.of("Timestamp", "Model", "Request tokens", "Response tokens", "Total tokens", "Log Type");
    static final List<String> BURSTGPT_SESSION_COLUMNS = List.of("Session ID", "Elapsed time");
    static final List<String> INPUT_ALIASES =
            List.of("input_tokens", "input_length", "input_len", "prompt_tokens", "input");
    static final List<String> OUTPUT_ALIASES =
            List.of("output_tokens", "output_length", "output_len", "completion_tokens", "generated_tokens", "output");
    static final List<String> ARRIVAL_ALIASES = List.of("arrival", "arrival_time", "timestamp", "time");

    /** -1 for "no such column". */
    static final int NONE = -1;

    /**
     * Detects the format from the header and, for Azure, the first data row's time (an offset means 2024).
     *
     * @param firstTime the first data row's first field, or null when there is none
     * @return the format, or null when the header fits no known layout (generic CSV is then tried)
     */
    static TraceFormat detect(List<String> header, String firstTime) {
        if (sameColumns(header, AZURE_HEADER)) {
            boolean offset = firstTime != null && firstTime.length() > 19
                    && firstTime.substring(19).matches("(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)");
            return offset ? TraceFormat.AZURE_2024 : TraceFormat.AZURE_2023;
        }
        if (isBurstGpt(header)) return TraceFormat.BURSTGPT;
        return null;
    }

    private static boolean isBurstGpt(List<String> header) {
        if (sameColumns(header, BURSTGPT_HEADER)) return true;
        if (header.size() != BURSTGPT_HEADER.size() + BURSTGPT_SESSION_COLUMNS.size()) return false;
        Set<String> all = new HashSet<>(BURSTGPT_HEADER);
        all.addAll(BURSTGPT_SESSION_COLUMNS);
        return new HashSet<>(header).equals(all);
    }

    private static boolean sameColumns(List<String> header, List<String> expected) {
        return header.size() == expected.size() && new HashSet<>(header).equals(new HashSet<>(expected));
    }

    /**
     * The layout of a file with this header read as {@code format}.
     *
     * @throws TraceFormatException (line 1) when the header does not fit the format
     */
    static CsvLayout of(Path file, List<String> header, TraceFormat format, TraceOptions options) {
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) throw new TraceFormatException(file, 1, h, header.indexOf(h) + 1, "duplicate column name");
        }
        switch (format) {
            case AZURE_2023, AZURE_2024 -> {
                if (!sameColumns(header, AZURE_HEADER)) throw wrongHeader(file, header, format, String.join(",", AZURE_HEADER));
                return new CsvLayout(format, header.size(), header.indexOf("ContextTokens"), header.indexOf("GeneratedTokens"),
                        header.indexOf("TIMESTAMP"), "ContextTokens", "GeneratedTokens", "TIMESTAMP",
                        ArrivalParser.DATE_TIME, List.copyOf(header));
            }
            case BURSTGPT -> {
                if (!isBurstGpt(header)) {
                    throw wrongHeader(file, header, format, String.join(",", BURSTGPT_HEADER)
                            + " (optionally followed by " + String.join(",", BURSTGPT_SESSION_COLUMNS) + ")");
                }
                return new CsvLayout(format, header.size(), header.indexOf("Request tokens"),
                        header.indexOf("Response tokens"), header.indexOf("Timestamp"), "Request tokens",
                        "Response tokens", "Timestamp", ArrivalParser.SECONDS, List.copyOf(header));
            }
            default -> {
                String in = pick(file, header, options.inputColumn(), INPUT_ALIASES, "input");
                String out = pick(file, header, options.outputColumn(), OUTPUT_ALIASES, "output");
                String arr = options.arrivalColumn() != null
                        ? pick(file, header, options.arrivalColumn(), ARRIVAL_ALIASES, "arrival")
                        : firstPresent(header, ARRIVAL_ALIASES);
                return new CsvLayout(format, header.size(), header.indexOf(in), header.indexOf(out),
                        arr == null ? NONE : header.indexOf(arr), in, out, arr, ArrivalParser.AUTO, List.copyOf(header));
            }
        }
    }

    private static String pick(Path file, List<String> header, String wanted, List<String> aliases, String what) {
        if (wanted != null) {
            if (header.contains(wanted)) return wanted;
            throw new TraceFormatException(file, 1, wanted, 0, "no " + what + " column named '" + wanted
                    + "' in header " + String.join(",", header));
        }
        String found = firstPresent(header, aliases);
        if (found == null) {
            throw new TraceFormatException(file, 1, null, 0, "unrecognised header \"" + String.join(",", header)
                    + "\": not Azure (" + String.join(",", AZURE_HEADER) + "), not BurstGPT ("
                    + String.join(",", BURSTGPT_HEADER) + "), and no " + what + " column among "
                    + String.join(", ", aliases) + " (name it with --" + what + "-column)");
        }
        return found;
    }

    private static String firstPresent(List<String> header, List<String> aliases) {
        for (String a : aliases) {
            for (String h : header) if (h.toLowerCase(Locale.ROOT).equals(a)) return h;
        }
        return null;
    }

    private static TraceFormatException wrongHeader(Path file, List<String> header, TraceFormat format, String expected) {
        return new TraceFormatException(file, 1, null, 0, "header \"" + String.join(",", header) + "\" is not a "
                + format.label() + " header; expected " + expected);
    }
}
