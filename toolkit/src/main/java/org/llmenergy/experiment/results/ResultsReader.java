package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.ExperimentJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON Lines results file, streaming. A line that is not a complete record (a torn last line from a
 * killed sweep, or such a line that a later append has since terminated) is reported as a
 * {@link SkippedLine} with its line number and skipped; it never stops the reading. A record of a newer
 * schema than this toolkit knows is an error, since skipping it would silently lose data.
 */
public final class ResultsReader {
    private ResultsReader() {}

    /**
     * @param file a results file
     * @return its records, start markers and skipped lines
     * @throws java.nio.file.NoSuchFileException when it does not exist (an empty list would read as "no records")
     * @throws IOException              when it is a directory or cannot be read
     * @throws IllegalArgumentException naming file and line for a record of an unsupported schema
     */
    public static ResultsFile read(Path file) throws IOException {
        String name = file.toString();
        List<StoredRecord> records = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        List<StoredRecord> markers = new ArrayList<>();
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(name, null, "no such results file; check the path (a sweep"
                    + " writes its results to the file named by --out)");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(name + " is a directory, not a results file; name the .jsonl file a sweep wrote");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
            int lineNo = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    lineNo++;
                    accept(name, lineNo, line.toString(StandardCharsets.UTF_8), true, records, skipped, markers);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                lineNo++;
                accept(name, lineNo, line.toString(StandardCharsets.UTF_8), false, records, skipped, markers);
            }
        }
        return new ResultsFile(name, records, skipped, markers);
    }

    private static void accept(String file, int lineNo, String text, boolean terminated, List<StoredRecord> records,
                               List<SkippedLine> skipped, List<StoredRecord> markers) {
        if (text.isBlank()) return;
        JsonNode json;
        try {
            json = ExperimentJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            skipped.add(new SkippedLine(file, lineNo, terminated
                    ? "not valid JSON (" + brief(e) + "); probably a record torn by a killed sweep"
                    : "torn last line (" + text.length() + " characters, no newline): a write interrupted by a kill"));
            return;
        }
        if (json == null || !json.isObject() || !json.path("schema").isInt()) {
            skipped.add(new SkippedLine(file, lineNo, "not a results record (no integer \"schema\" field)"));
            return;
        }
        int schema = json.get("schema").asInt();
        if (schema > ResultRecord.SCHEMA) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": results schema " + schema
                    + " is newer than this toolkit reads (" + ResultRecord.SCHEMA + "); update the toolkit");
        }
        for (String field : new String[] {"type", "specHash", "cellKey"}) {
            if (!json.path(field).isTextual()) {
                skipped.add(new SkippedLine(file, lineNo, "not a results record (no \"" + field + "\" text field)"));
                return;
            }
        }
        StoredRecord r = new StoredRecord(file, lineNo, text, json);
        if (r.isMarker()) markers.add(r);
        else records.add(r);
    }

    private static String brief(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m.length() > 80 ? m.substring(0, 80) + "…" : m;
    }
}
