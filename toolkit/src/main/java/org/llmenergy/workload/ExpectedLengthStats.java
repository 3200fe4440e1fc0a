package org.llmenergy.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmenergy.io.Json;

/**
 * Expected input and output length statistics of a trace (a row of the paper's Tables 1–2, or a user's
 * JSON file), and their comparison with recomputed ones.
 *
 * @param name     a label, for example {@code paper:azure-chat}
 * @param citation where the values come from
 * @param input    expected input-length statistics
 * @param output   expected output-length statistics
 */
public record ExpectedLengthStats(String name, String citation, PublishedLengthStats input, PublishedLengthStats output) {

    /**
     * Compares recomputed statistics with these.
     *
     * @return eight comparisons: mean, std, median, p99 of input, then of output
     */
    public ExpectationReport compare(LengthStats measuredInput, LengthStats measuredOutput) {
        List<StatComparison> out = new ArrayList<>(8);
        add(out, "input", input, measuredInput);
        add(out, "output", output, measuredOutput);
        return new ExpectationReport(name, citation, out);
    }

    private static void add(List<StatComparison> out, String lengths, PublishedLengthStats e, LengthStats m) {
        out.add(new StatComparison(lengths, "mean", e.mean(), m.mean(), e.momentTolerance()));
        out.add(new StatComparison(lengths, "std", e.std(), m.std(), e.momentTolerance()));
        out.add(new StatComparison(lengths, "median", e.median(), m.median(), e.percentileTolerance()));
        out.add(new StatComparison(lengths, "p99", e.p99(), m.p99(), e.percentileTolerance()));
    }

    /**
     * Reads an expectation from JSON:
     * <pre>{"name": "...", "citation": "...",
     *  "input":  {"mean": 1.0, "std": 1.0, "median": 1, "p99": 1},
     *  "output": {"mean": 1.0, "std": 1.0, "median": 1, "p99": 1},
     *  "decimals": {"moments": 2, "percentiles": 0}}</pre>
     * {@code decimals} (the printed precision, which sets the tolerance) defaults to 2 and 0.
     */
    public static ExpectedLengthStats fromJson(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable JSON expectation: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object");
        JsonNode dec = root.path("decimals");
        int moments = dec.path("moments").asInt(2);
        int percentiles = dec.path("percentiles").asInt(0);
        return new ExpectedLengthStats(root.path("name").asText(file.getFileName().toString()),
                root.path("citation").asText(file.toString()),
                stats(file, root, "input", moments, percentiles), stats(file, root, "output", moments, percentiles));
    }

    private static PublishedLengthStats stats(Path file, JsonNode root, String key, int moments, int percentiles) {
        JsonNode n = root.get(key);
        if (n == null || !n.isObject()) throw new IllegalArgumentException(file + ": missing object '" + key + "'");
        return new PublishedLengthStats(num(file, n, key, "mean"), num(file, n, key, "std"), num(file, n, key, "median"),
                num(file, n, key, "p99"), moments, percentiles);
    }

    private static double num(Path file, JsonNode n, String key, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) throw new IllegalArgumentException(file + ": '" + key + "." + field + "' must be a number");
        return v.asDouble();
    }
}
