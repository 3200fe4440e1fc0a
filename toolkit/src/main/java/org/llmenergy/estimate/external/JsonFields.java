package org.llmenergy.estimate.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.llmenergy.io.Json;

/** Strict field access for the ML.ENERGY files: every error names the file and the field. */
final class JsonFields {
    private final Path file;

    JsonFields(Path file) { this.file = file; }

    private static final ObjectMapper JSON = Json.mapper();

    /** @return the file's JSON tree; malformed JSON is an error naming the file */
    JsonNode readTree() throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    JsonNode node(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException(file + ": missing field '" + at + field + "'");
        return v;
    }

    String text(JsonNode n, String field, String at) {
        JsonNode v = node(n, field, at);
        if (!v.isTextual()) throw new IllegalArgumentException(file + ": field '" + at + field + "' is not a string: " + v);
        return v.asText();
    }

    double positive(JsonNode n, String field, String at) {
        JsonNode v = node(n, field, at);
        if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
            throw new IllegalArgumentException(file + ": field '" + at + field + "' must be a positive number, got " + v);
        }
        return v.asDouble();
    }

    int positiveInt(JsonNode n, String field, String at) {
        JsonNode v = node(n, field, at);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new IllegalArgumentException(file + ": field '" + at + field + "' must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    OptionalDouble optionalPositive(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() && v.asDouble() > 0 ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }
}
