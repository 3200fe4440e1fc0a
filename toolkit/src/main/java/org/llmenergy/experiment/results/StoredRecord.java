package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.ExperimentJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record as read from a results file: its line, its exact text and its JSON tree. Merge works on these so
 * that fields a newer toolkit added survive.
 *
 * @param file the file it came from
 * @param line 1-based line number
 * @param text the line's text
 * @param json the parsed record
 */
public record StoredRecord(String file, int line, String text, JsonNode json) {
    /** @return {@link ResultRecord#type()} */
    public String type() { return json.path("type").asText(); }

    /** @return {@link ResultRecord#specHash()} */
    public String specHash() { return json.path("specHash").asText(); }

    /** @return {@link ResultRecord#cellKey()} */
    public String cellKey() { return json.path("cellKey").asText(); }

    /** @return {@link ResultRecord#cellIndex()} */
    public int cellIndex() { return json.path("cellIndex").asInt(); }

    /** @return {@link ResultRecord#repeat()}, or null for a failure */
    public Integer repeat() { return json.hasNonNull("repeat") ? json.get("repeat").asInt() : null; }

    /** @return true for a {@link StartMarker} line */
    public boolean isMarker() { return ResultRecord.STARTED.equals(type()); }

    /** @return true for an imported external measurement ({@link ExternalMeasurement}), which has no sweep cell */
    public boolean isExternal() { return ExternalMeasurement.TYPE.equals(type()); }

    /** @return true for a failure record */
    public boolean isFailure() { return ResultRecord.FAILURE.equals(type()); }

    /**
     * @return the identity merge and resume dedupe on: spec hash, cell key, and the repeat (or "failure")
     */
    public String identity() {
        String which = isFailure() ? "failure" : isMarker() ? "started " + json.path("startedAt").asText() : String.valueOf(repeat());
        return specHash() + "\u0000" + cellKey() + "\u0000" + which;
    }

    /** @return the record as the typed Java record */
    public ResultRecord typed() {
        try {
            return ExperimentJson.mapper().treeToValue(json, ResultRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not a results record: " + e.getOriginalMessage(), e);
        }
    }
}
