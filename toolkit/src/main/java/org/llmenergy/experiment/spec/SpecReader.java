package org.llmenergy.experiment.spec;


import org.llmenergy.io.Json;
import org.llmenergy.workload.BinCountsCsv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.inference.DjlDataTypes;
import org.llmenergy.workload.BinCount;

/**
 * Reads and validates a sweep spec. Every problem is reported with its field path, and all problems are
 * reported at once; a spec with any problem is rejected whole. Unknown fields are errors, so a typo cannot
 * silently fall back to a default.
 *
 * <pre>{@code
 * {
 *   "name": "fig2-cpu",                      // default: the file name without .json
 *   "engine": "djl",                         // engine name (EngineCapabilities), default "djl"
 *   "models": ["tiny-15m"],                  // required: presets or checkpoint directories
 *   "device": "cpu",                         // cpu | gpu | gpu:N, default cpu
 *   "dtype": "fp32",                         // fp32 | bf16 | fp16, default fp32
 *   "engineOptions": [{"name": "compiled", "flags": {"compile": true}}],   // default: [{"name":"default"}]
 *   "decoding": ["greedy", {"strategy": "beam", "beamWidth": 4}],         // default: ["greedy"]
 *   "cells": {                               // at least one source
 *     "grid": {"batch": [1, 8, "max"], "input": [64, 512], "output": [8, 64]},
 *     "fromBins": "bins.csv",                // header input_bin,output_bin,requests; relative to the spec
 *     "binBatch": ["max"],                   // batch sizes for the bins, default ["max"]
 *     "controlled": {"batch": [1, 8, 64],
 *                    "inputs": {"fixedOutput": [64, 8], "minInput": 1, "maxInput": 32768},
 *                    "outputs": {"fixedInput": [512, 64], "minOutput": 2, "maxOutput": 4096}}
 *   },
 *   "protocol": {"warmupBatches": 20, "repeats": 3, "cooldownSeconds": 10, "idleBaselineSeconds": 10,
 *                "examplesPerCell": 1024, "largeBatchThreshold": 256, "largeBatchExamples": 4096,
 *                "phaseWindows": true},
 *   "batchProbe": {"probeUp": false, "cap": 1024}
 * }
 * }</pre>
 *
 * The controlled sweeps' defaults are the paper's (digest §2.2): {@code inputs: {}} means inputs 1 … 32,768 with
 * outputs 64 and 8; {@code outputs: {}} means outputs 2 … 4,096 (decode tokens 1 … 4,095) with inputs 512 and 64.
 */
public final class SpecReader {
    private static final ObjectMapper STRICT = Json.strict();

    private final String source;
    private final Path baseDir;
    private final List<String> problems = new ArrayList<>();

    private SpecReader(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    /**
     * @param file a spec file
     * @return the validated spec, defaults filled in
     * @throws SpecException naming the file and each offending field
     * @throws IOException   when the file cannot be read
     */
    public static SweepSpec read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) throw new IOException("spec " + file + " is a directory, not a JSON file");
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.io.FileNotFoundException("spec " + file + " does not exist; check the path (specs are JSON"
                    + " files, see `llm-energy sweep --help`)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecException(file.toString(), List.of("(file): not UTF-8 text (" + e.getMessage() + "); save"
                    + " the spec as UTF-8 (a UTF-16 or binary file is not a spec)"));
        }
        return parse(text, name, dir);
    }

    /**
     * @param json    the spec text
     * @param source  its name in error messages (and the default sweep name)
     * @param baseDir the folder that relative paths in the spec ({@code fromBins}) are resolved against
     * @return the validated spec
     * @throws SpecException naming the source and each offending field
     */
    public static SweepSpec parse(String json, String source, Path baseDir) {
        JsonNode root;
        if (json.startsWith("\uFEFF")) json = json.substring(1); // a UTF-8 byte-order mark, as traces accept
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            // Some errors (nesting deeper than Jackson allows) carry no location.
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Trailing token")) {
                why = "content after the spec's closing brace (a second object, or a stray character): " + why;
            }
            throw new SpecException(source, List.of(where + "not valid JSON: " + why));
        }
        SpecReader r = new SpecReader(source, baseDir);
        SweepSpec spec = r.sweep(root);
        if (!r.problems.isEmpty()) throw new SpecException(source, r.problems);
        return spec;
    }

    // ---- the spec's sections -------------------------------------------------------------------------------

    private SweepSpec sweep(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("(root)", "must be a JSON object");
            return null;
        }
        keys(root, "", "name", "engine", "models", "device", "dtype", "engineOptions", "decoding", "cells",
                "protocol", "batchProbe");
        String defaultName = source.endsWith(".json") ? source.substring(0, source.length() - 5) : source;
        String name = string(root, "", "name", defaultName);
        String engine = string(root, "", "engine", "djl");
        List<String> models = models(root);
        String device = string(root, "", "device", "cpu");
        if (device != null) {
            try {
                ComputeDevice.parse(device);
            } catch (IllegalArgumentException e) {
                problem("device", "must be cpu, gpu or gpu:N, got '" + device + "'");
            }
        }
        String dtype = string(root, "", "dtype", "fp32");
        if (dtype != null) {
            try {
                dtype = DjlDataTypes.parse(dtype).label();
            } catch (IllegalArgumentException e) {
                problem("dtype", "must be one of " + DjlDataTypes.acceptedLabels() + ", got '" + dtype + "'");
            }
        }
        List<EngineFlags> options = engineOptions(root.get("engineOptions"));
        List<DecodingSpec> decoding = decodings(root.get("decoding"));
        CellsSpec cells = cells(root.get("cells"));
        ProtocolSpec protocol = protocol(root.get("protocol"));
        BatchProbeSpec probe = batchProbe(root.get("batchProbe"));
        if (!problems.isEmpty()) return null;
        engineChecks(engine, models, options);
        if (!problems.isEmpty()) return null;
        return new SweepSpec(name, engine, models, device, dtype, options, decoding, cells, protocol, probe);
    }

    /** What only the engine knows: which flags it applies and which models it can load. */
    private void engineChecks(String engine, List<String> models, List<EngineFlags> options) {
        EngineCapabilities factory;
        try {
            factory = EngineCapabilities.named(engine);
        } catch (IllegalArgumentException e) {
            problem("engine", e.getMessage());
            return;
        }
        Set<String> known = factory.knownFlags();
        for (int i = 0; i < options.size(); i++) {
            for (String flag : options.get(i).flags().keySet()) {
                if (!known.contains(flag)) {
                    problem("engineOptions[" + i + "].flags." + flag, "the " + engine + " engine does not apply this"
                            + " flag (" + (known.isEmpty() ? "it applies none" : "it applies " + new java.util.TreeSet<>(known))
                            + "); remove it, since a flag that does not take effect would mislabel the runs");
                }
            }
        }
        for (int k = 0; k < models.size(); k++) {
            String why = factory.modelProblem(models.get(k));
            if (why != null) problem("models[" + k + "]", why);
        }
    }

    private List<String> models(JsonNode root) {
        JsonNode node = root.get("models");
        List<String> models = new ArrayList<>();
        if (node == null) {
            problem("models", "is required: a list of model presets or checkpoint directories");
        } else if (!node.isArray() || node.isEmpty()) {
            problem("models", "must be a non-empty list of strings");
        } else {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < node.size(); k++) {
                JsonNode m = node.get(k);
                if (!m.isTextual() || m.asText().isBlank()) problem("models[" + k + "]", "must be a non-empty string");
                else if (!seen.add(m.asText())) problem("models[" + k + "]", "repeats '" + m.asText() + "'");
                else models.add(m.asText());
            }
        }
        return models;
    }

    private List<EngineFlags> engineOptions(JsonNode node) {
        if (node == null) return List.of(EngineFlags.DEFAULT);
        if (!node.isArray() || node.isEmpty()) {
            problem("engineOptions", "must be a non-empty list of {\"name\": ..., \"flags\": {...}}");
            return List.of();
        }
        List<EngineFlags> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < node.size(); k++) {
            String path = "engineOptions[" + k + "]";
            JsonNode o = node.get(k);
            if (!o.isObject()) {
                problem(path, "must be an object {\"name\": ..., \"flags\": {...}}");
                continue;
            }
            keys(o, path, "name", "flags");
            TreeMap<String, Boolean> flags = new TreeMap<>();
            JsonNode f = o.get("flags");
            if (f != null && !f.isObject()) problem(path + ".flags", "must be an object of flag name to true/false");
            else if (f != null) {
                for (Map.Entry<String, JsonNode> e : f.properties()) {
                    if (!e.getValue().isBoolean()) problem(path + ".flags." + e.getKey(), "must be true or false");
                    else flags.put(e.getKey(), e.getValue().booleanValue());
                }
            }
            String name = string(o, path, "name", flags.isEmpty() ? "default" : null);
            if (name == null && o.get("name") == null) problem(path + ".name", "is required when flags are set");
            if (name != null && !names.add(name)) problem(path + ".name", "repeats '" + name + "'");
            if (name != null) all.add(new EngineFlags(name, flags));
        }
        return all;
    }

    private List<DecodingSpec> decodings(JsonNode node) {
        if (node == null) return List.of(DecodingSpec.GREEDY);
        if (!node.isArray() || node.isEmpty()) {
            problem("decoding", "must be a non-empty list of strategies");
            return List.of();
        }
        List<DecodingSpec> all = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int k = 0; k < node.size(); k++) {
            String path = "decoding[" + k + "]";
            DecodingSpec d = decoding(node.get(k), path);
            if (d != null && !keys.add(d.key())) problem(path, "repeats '" + d.key() + "'");
            else if (d != null) all.add(d);
        }
        return all;
    }

    private DecodingSpec decoding(JsonNode d, String path) {
        if (d.isTextual()) d = STRICT.createObjectNode().put("strategy", d.asText());
        if (!d.isObject()) {
            problem(path, "must be a strategy name or an object with \"strategy\"");
            return null;
        }
        keys(d, path, "strategy", "beamWidth", "temperature", "topP", "topK", "draftModel", "lookahead", "seed",
                "acceptanceRate");
        String name = string(d, path, "strategy", null);
        if (name == null) {
            if (d.get("strategy") == null) problem(path + ".strategy", "is required");
            return null;
        }
        DecodingStrategy strategy;
        try {
            strategy = DecodingStrategy.parse(name);
        } catch (IllegalArgumentException e) {
            problem(path + ".strategy", "must be one of " + DecodingStrategy.labels() + ", got '" + name + "'");
            return null;
        }
        // Types are checked here; ranges, required parameters and defaults are DecodingSpec's rules.
        Integer beam = optionalInt(d, path, "beamWidth", Integer.MIN_VALUE);
        Double temperature = optionalNumber(d, path, "temperature", Double.NEGATIVE_INFINITY, true);
        Double topP = optionalNumber(d, path, "topP", Double.NEGATIVE_INFINITY, true);
        Integer topK = optionalInt(d, path, "topK", Integer.MIN_VALUE);
        String draft = string(d, path, "draftModel", null);
        Integer lookahead = optionalInt(d, path, "lookahead", Integer.MIN_VALUE);
        Double acceptanceRate = optionalNumber(d, path, "acceptanceRate", Double.NEGATIVE_INFINITY, true);
        Long seed = null;
        JsonNode s = d.get("seed");
        if (s != null) {
            if (s.isIntegralNumber() && s.canConvertToLong()) seed = s.longValue();
            else problem(path + ".seed", "must be an integer");
        }
        DecodingSpec.problems(beam, temperature, topP, topK, lookahead, acceptanceRate)
                .forEach((key, problem) -> problem(path + "." + key, problem));
        String needs = strategy.requiredParameter();
        if (needs != null && d.get(needs) == null) {
            problem(path + "." + needs, "is required for strategy '" + strategy.label() + "'");
            return null;
        }
        if (!problemsFor(path)) return null;
        return new DecodingSpec(strategy, beam, temperature, topP, topK, draft, lookahead, seed, acceptanceRate);
    }

    private CellsSpec cells(JsonNode node) {
        if (node == null) {
            problem("cells", "is required: an object with grid, fromBins and/or controlled");
            return null;
        }
        if (!node.isObject()) {
            problem("cells", "must be an object with grid, fromBins and/or controlled");
            return null;
        }
        keys(node, "cells", "grid", "fromBins", "binBatch", "controlled");
        if (node.get("grid") == null && node.get("fromBins") == null && node.get("controlled") == null) {
            problem("cells", "needs at least one of grid, fromBins, controlled");
            return null;
        }
        GridSpec grid = node.get("grid") == null ? null : grid(node.get("grid"));
        BinsSpec bins = null;
        if (node.get("fromBins") != null) bins = bins(node);
        else if (node.get("binBatch") != null) problem("cells.binBatch", "only applies with cells.fromBins");
        ControlledSpec controlled = node.get("controlled") == null ? null : controlled(node.get("controlled"));
        return new CellsSpec(grid, bins, controlled);
    }

    private GridSpec grid(JsonNode g) {
        String path = "cells.grid";
        if (!g.isObject()) {
            problem(path, "must be an object with batch, input and output lists");
            return null;
        }
        keys(g, path, "batch", "input", "output");
        List<BatchSize> batch = batches(g, path, "batch", null);
        List<Integer> input = positiveInts(g, path, "input");
        List<Integer> output = positiveInts(g, path, "output");
        return new GridSpec(batch, input, output);
    }

    private BinsSpec bins(JsonNode cells) {
        JsonNode f = cells.get("fromBins");
        List<BatchSize> batch = batches(cells, "cells", "binBatch", List.of(BatchSize.LARGEST));
        if (!f.isTextual() || f.asText().isBlank()) {
            problem("cells.fromBins", "must be the path of a bins CSV (input_bin,output_bin,requests)");
            return null;
        }
        Path file = baseDir == null ? Path.of(f.asText()) : baseDir.resolve(f.asText());
        try {
            List<BinCount> bins = BinCountsCsv.read(file);
            if (bins.stream().noneMatch(b -> b.requests() > 0)) {
                problem("cells.fromBins", file + " has no non-empty bin");
                return null;
            }
            return new BinsSpec(f.asText(), batch, bins);
        } catch (IOException e) {
            problem("cells.fromBins", "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            problem("cells.fromBins", e.getMessage());
        }
        return null;
    }

    private ControlledSpec controlled(JsonNode c) {
        String path = "cells.controlled";
        if (!c.isObject()) {
            problem(path, "must be an object with batch and inputs and/or outputs");
            return null;
        }
        keys(c, path, "batch", "inputs", "outputs");
        List<BatchSize> batch = batches(c, path, "batch", null);
        if (c.get("inputs") == null && c.get("outputs") == null) problem(path, "needs inputs and/or outputs");
        ControlledSpec.InputSweep inputs = null;
        JsonNode in = c.get("inputs");
        if (in != null) {
            String p = path + ".inputs";
            if (!in.isObject()) problem(p, "must be an object");
            else {
                keys(in, p, "fixedOutput", "minInput", "maxInput");
                List<Integer> fixed = in.get("fixedOutput") == null ? List.of(64, 8) : positiveInts(in, p, "fixedOutput");
                int min = powerOfTwo(in, p, "minInput", 1);
                int max = powerOfTwo(in, p, "maxInput", 32768);
                if (min > max) problem(p + ".minInput", "must be <= maxInput (" + max + "), got " + min);
                inputs = new ControlledSpec.InputSweep(fixed, min, max);
            }
        }
        ControlledSpec.OutputSweep outputs = null;
        JsonNode out = c.get("outputs");
        if (out != null) {
            String p = path + ".outputs";
            if (!out.isObject()) problem(p, "must be an object");
            else {
                keys(out, p, "fixedInput", "minOutput", "maxOutput");
                List<Integer> fixed = out.get("fixedInput") == null ? List.of(512, 64) : positiveInts(out, p, "fixedInput");
                int min = powerOfTwo(out, p, "minOutput", 2);
                int max = powerOfTwo(out, p, "maxOutput", 4096);
                if (min > max) problem(p + ".minOutput", "must be <= maxOutput (" + max + "), got " + min);
                outputs = new ControlledSpec.OutputSweep(fixed, min, max);
            }
        }
        return new ControlledSpec(batch, inputs, outputs);
    }

    private ProtocolSpec protocol(JsonNode p) {
        ProtocolSpec d = ProtocolSpec.PAPER;
        if (p == null) return d;
        String path = "protocol";
        if (!p.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        keys(p, path, "warmupBatches", "repeats", "cooldownSeconds", "idleBaselineSeconds", "examplesPerCell",
                "largeBatchThreshold", "largeBatchExamples", "phaseWindows");
        int warmup = intOr(p, path, "warmupBatches", d.warmupBatches(), 0);
        int repeats = intOr(p, path, "repeats", d.repeats(), 1);
        Double cooldown = optionalNumber(p, path, "cooldownSeconds", 0, true);
        Double idle = optionalNumber(p, path, "idleBaselineSeconds", 0, true);
        int examples = intOr(p, path, "examplesPerCell", d.examplesPerCell(), 1);
        int threshold = intOr(p, path, "largeBatchThreshold", d.largeBatchThreshold(), 1);
        int large = intOr(p, path, "largeBatchExamples", d.largeBatchExamples(), 1);
        boolean phases = bool(p, path, "phaseWindows", d.phaseWindows());
        if (!problemsFor(path)) return null;
        return new ProtocolSpec(warmup, repeats, cooldown == null ? d.cooldownSeconds() : cooldown,
                idle == null ? d.idleBaselineSeconds() : idle, examples, threshold, large, phases);
    }

    private BatchProbeSpec batchProbe(JsonNode p) {
        if (p == null) return BatchProbeSpec.DEFAULT;
        String path = "batchProbe";
        if (!p.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        keys(p, path, "probeUp", "cap");
        boolean up = bool(p, path, "probeUp", BatchProbeSpec.DEFAULT.probeUp());
        int cap = intOr(p, path, "cap", BatchProbeSpec.DEFAULT.cap(), 1);
        if (!problemsFor(path)) return null;
        return new BatchProbeSpec(up, cap);
    }

    // ---- field helpers: each reports problems with the full path -------------------------------------------

    private void problem(String path, String message) { problems.add(path + ": " + message); }

    /** @return true when no problem has been reported under {@code path} */
    private boolean problemsFor(String path) {
        return problems.stream().noneMatch(p -> p.startsWith(path + ".") || p.startsWith(path + ":"));
    }

    private static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    private void keys(JsonNode obj, String path, String... allowed) {
        Set<String> ok = new LinkedHashSet<>(List.of(allowed));
        for (String k : (Iterable<String>) obj::fieldNames) {
            if (!ok.contains(k)) problem(join(path, k), "unknown field; expected one of " + ok);
        }
    }

    private String string(JsonNode obj, String path, String key, String fallback) {
        JsonNode n = obj.get(key);
        if (n == null) return fallback;
        if (!n.isTextual() || n.asText().isBlank()) {
            problem(join(path, key), "must be a non-empty string");
            return null;
        }
        return n.asText();
    }

    private boolean bool(JsonNode obj, String path, String key, boolean fallback) {
        JsonNode n = obj.get(key);
        if (n == null) return fallback;
        if (!n.isBoolean()) problem(join(path, key), "must be true or false");
        return n.asBoolean(fallback);
    }

    private Integer asInt(JsonNode n, String path, int min) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problem(path, "must be an integer, got " + n);
            return null;
        }
        if (n.intValue() < min) {
            problem(path, "must be " + (min == 1 ? "> 0" : ">= " + min) + ", got " + n.intValue());
            return null;
        }
        return n.intValue();
    }

    private int intOr(JsonNode obj, String path, String key, int fallback, int min) {
        JsonNode n = obj.get(key);
        if (n == null) return fallback;
        Integer v = asInt(n, join(path, key), min);
        return v == null ? fallback : v;
    }

    private Integer optionalInt(JsonNode obj, String path, String key, int min) {
        JsonNode n = obj.get(key);
        return n == null ? null : asInt(n, join(path, key), min);
    }

    private Double optionalNumber(JsonNode obj, String path, String key, double min, boolean minInclusive) {
        JsonNode n = obj.get(key);
        if (n == null) return null;
        if (!n.isNumber()) {
            problem(join(path, key), "must be a number, got " + n);
            return null;
        }
        double v = n.doubleValue();
        if (minInclusive ? !(v >= min) : !(v > min)) {
            problem(join(path, key), "must be " + (minInclusive ? ">= " : "> ") + fmt(min) + ", got " + n);
            return null;
        }
        return v;
    }

    private static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    private int powerOfTwo(JsonNode obj, String path, String key, int fallback) {
        int v = intOr(obj, path, key, fallback, 1);
        if (Integer.bitCount(v) != 1) problem(join(path, key), "must be a power of two, got " + v);
        return v;
    }

    private List<Integer> positiveInts(JsonNode obj, String path, String key) {
        String p = join(path, key);
        JsonNode n = obj.get(key);
        List<Integer> values = new ArrayList<>();
        if (n == null) problem(p, "is required");
        else if (!n.isArray() || n.isEmpty()) problem(p, "must be a non-empty list of positive integers");
        else {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < n.size(); k++) {
                Integer v = asInt(n.get(k), p + "[" + k + "]", 1);
                if (v != null && !seen.add(v)) problem(p + "[" + k + "]", "repeats " + v);
                else if (v != null) values.add(v);
            }
        }
        return values;
    }

    private List<BatchSize> batches(JsonNode obj, String path, String key, List<BatchSize> fallback) {
        String p = join(path, key);
        JsonNode n = obj.get(key);
        if (n == null) {
            if (fallback == null) problem(p, "is required: a list of batch sizes (positive integers or \"max\")");
            return fallback == null ? List.of() : fallback;
        }
        if (!n.isArray() || n.isEmpty()) {
            problem(p, "must be a non-empty list of batch sizes (positive integers or \"max\")");
            return List.of();
        }
        List<BatchSize> values = new ArrayList<>();
        Set<BatchSize> seen = new HashSet<>();
        for (int k = 0; k < n.size(); k++) {
            JsonNode b = n.get(k);
            BatchSize size = null;
            if (b.isTextual() && b.asText().equals("max")) size = BatchSize.LARGEST;
            else if (b.isTextual()) problem(p + "[" + k + "]", "must be a positive integer or \"max\", got " + b);
            else {
                Integer v = asInt(b, p + "[" + k + "]", 1);
                if (v != null) size = BatchSize.of(v);
            }
            if (size != null && !seen.add(size)) problem(p + "[" + k + "]", "repeats " + size);
            else if (size != null) values.add(size);
        }
        return values;
    }
}
