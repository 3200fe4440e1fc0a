package org.llmenergy.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.llmenergy.io.Json;

/**
 * The JSON form of a {@link CellReport} that {@code llm-energy run} prints: the cell, one object per repeat and
 * a summary per metric. Times in seconds, rates in tokens per second, memory in bytes; a null value comes with
 * the reason in {@code notes} (or, for memory, {@code peak_memory_method}).
 */
public final class CellReportJson {
    /** Version of this layout. */
    public static final String SCHEMA = "llm-energy/run/1";

    private static final ObjectMapper JSON = Json.mapper();

    private CellReportJson() {}

    /**
     * @param report        the measured cell
     * @param includeTokens true to include the generated token ids of every repeat
     * @return the JSON object
     */
    public static ObjectNode toJson(CellReport report, boolean includeTokens) {
        RunResult first = report.repeats().get(0);
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("model", first.model());
        root.put("weights", first.weights());
        root.put("device", first.device());
        root.put("dtype", first.precision());
        root.put("threads", first.threads());
        root.put("attention", first.attention());
        root.put("batch", first.batch());
        root.put("input", first.inputTokens());
        root.put("output", first.outputTokens());
        root.put("decoding", first.decoding());
        root.put("seed", report.spec().seed());
        root.put("warmup", report.warmup());
        ArrayNode runs = root.putArray("repeats");
        for (RunResult r : report.repeats()) runs.add(repeat(r, includeTokens));
        ObjectNode summary = root.putObject("summary");
        stat(summary, "prefill_s", report.prefillSeconds());
        stat(summary, "decode_s", report.decodeSeconds());
        stat(summary, "time_per_output_token_s", report.timePerOutputTokenSeconds());
        stat(summary, "end_to_end_s", report.endToEndSeconds());
        stat(summary, "prefill_tokens_per_s", report.prefillTokensPerSecond());
        stat(summary, "decode_tokens_per_s", report.decodeTokensPerSecond());
        stat(summary, "output_tokens_per_s", report.outputTokensPerSecond());
        return root;
    }

    private static ObjectNode repeat(RunResult r, boolean includeTokens) {
        ObjectNode o = JSON.createObjectNode();
        o.put("prefill_s", r.prefillSeconds());
        o.put("decode_s", r.decodeSeconds());
        o.put("time_per_output_token_s", r.timePerOutputTokenSeconds());
        o.put("end_to_end_s", r.endToEndSeconds());
        o.put("prefill_tokens_per_s", r.prefillTokensPerSecond());
        o.put("decode_tokens_per_s", r.decodeTokensPerSecond());
        o.put("output_tokens_per_s", r.outputTokensPerSecond());
        o.put("peak_memory_bytes", r.peakMemory().bytes());
        o.put("peak_memory_method", r.peakMemory().method());
        if (r.speculative() != null) {
            SpeculativeStats s = r.speculative();
            ObjectNode sp = o.putObject("speculative");
            sp.put("acceptance", s.acceptance());
            sp.put("configured_rate", s.configuredRate());
            sp.put("gamma", s.gamma());
            sp.put("rounds", s.rounds());
            sp.put("proposed", s.proposed());
            sp.put("accepted", s.accepted());
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        if (includeTokens) o.set("tokens", JSON.valueToTree(r.tokens()));
        return o;
    }

    private static void stat(ObjectNode parent, String name, Stat s) {
        if (s == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode o = parent.putObject(name);
        o.put("n", s.n());
        o.put("mean", s.mean());
        o.put("median", s.median());
        o.put("min", s.min());
        o.put("max", s.max());
        o.put("stdev", s.stdev());
    }
}
