package org.llmenergy.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a Hugging Face {@code config.json} of a Llama, Qwen2, OLMo or OLMoE model into a {@link ModelConfig}.
 *
 * <p>Both spellings of the rotary settings are understood: the Hub's {@code rope_theta} + {@code rope_scaling}
 * (transformers 4.x) and transformers 5's {@code rope_parameters}. Features the toolkit's transformer does not
 * implement (biases on the output or MLP projections, QKV clipping, sliding windows, activations other than
 * SiLU, rotary types other than {@code default} and {@code llama3}) are refused with a message that names the file
 * and the field, rather than silently giving a different model.
 */
public final class HuggingFaceConfig {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private HuggingFaceConfig() {}

    /**
     * Reads {@code config.json} from a checkpoint directory (or the file itself). The model is named after the
     * directory.
     *
     * @param path a directory holding {@code config.json}, or the JSON file
     * @return the architecture
     * @throws IllegalArgumentException naming the file and field when something is missing or unsupported
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ModelConfig read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("config.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no Hugging Face config.json at " + file);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = dir == null || dir.getFileName() == null ? "model" : dir.getFileName().toString();
        return parse(text, file.toString(), name);
    }

    /**
     * Parses the text of a {@code config.json}.
     *
     * @param json      the JSON text
     * @param source    what to call the text in error messages (usually its path)
     * @param modelName the name the returned config carries
     * @return the architecture
     * @throws IllegalArgumentException naming {@code source} and the field when something is missing or unsupported
     */
    public static ModelConfig parse(String json, String source, String modelName) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new IllegalArgumentException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object at the top level");
        }
        return new Reader(root, source).toModelConfig(modelName);
    }

    /** Field access with messages that name the file and the field. */
    private static final class Reader {
        private final JsonNode root;
        private final String source;

        Reader(JsonNode root, String source) {
            this.root = root;
            this.source = source;
        }

        ModelConfig toModelConfig(String name) {
            String modelType = requiredText("model_type").toLowerCase(Locale.ROOT);
            Family family = switch (modelType) {
                case "llama" -> Family.LLAMA;
                case "qwen2" -> Family.QWEN2;
                case "olmo", "olmoe" -> Family.OLMO;
                default -> throw error("model_type", "'" + modelType + "' is not supported (supported: llama, qwen2, olmo, olmoe)");
            };
            String act = optionalText("hidden_act", "silu");
            if (!act.equals("silu")) throw error("hidden_act", "'" + act + "' is not supported (only silu)");
            refuseTrue("mlp_bias");
            refuseTrue("use_sliding_window");
            if (root.hasNonNull("clip_qkv")) throw error("clip_qkv", "QKV clipping is not supported");
            if (family != Family.QWEN2) refuseTrue("attention_bias");

            int hidden = requiredInt("hidden_size");
            int heads = requiredInt("num_attention_heads");
            int kvHeads = optionalInt("num_key_value_heads", heads);
            int headDim = optionalInt("head_dim", 0);
            if (headDim == 0) {
                if (heads <= 0 || hidden % heads != 0) {
                    throw error("head_dim", "missing, and hidden_size " + hidden + " is not a multiple of num_attention_heads " + heads);
                }
                headDim = hidden / heads;
            }
            boolean moe = modelType.equals("olmoe");
            int experts = moe ? requiredInt("num_experts") : 0;
            int perToken = moe ? requiredInt("num_experts_per_tok") : 0;
            // OLMo v1's layer norm hard-codes eps = 1e-5 (transformers OlmoLayerNorm); the others read rms_norm_eps.
            double eps = family == Family.OLMO && !moe ? 1e-5 : optionalDouble("rms_norm_eps", 1e-6);
            try {
                return ModelConfig.builder().setName(name).setFamily(family)
                        .setVocabSize(requiredInt("vocab_size")).setHiddenSize(hidden)
                        .setNumLayers(requiredInt("num_hidden_layers")).setNumHeads(heads)
                        .optNumKvHeads(kvHeads).optHeadDim(headDim)
                        .setIntermediateSize(requiredInt("intermediate_size"))
                        .optMaxPositions(optionalInt("max_position_embeddings", 2048))
                        .optRopeTheta(ropeTheta()).optRopeScaling(ropeScaling()).optNormEps(eps)
                        .optTieEmbeddings(optionalBoolean("tie_word_embeddings", false))
                        .optQkvBias(family == Family.QWEN2)
                        .optNumExperts(experts).optExpertsPerToken(perToken)
                        .build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        /** transformers 5 keeps the rotary base inside rope_parameters; older configs at the top level. */
        private double ropeTheta() {
            JsonNode params = root.get("rope_parameters");
            if (params != null && params.isObject() && params.has("rope_theta")) {
                return number(params.get("rope_theta"), "rope_parameters.rope_theta");
            }
            return optionalDouble("rope_theta", 10000.0);
        }

        private RopeScaling ropeScaling() {
            String field = root.hasNonNull("rope_scaling") ? "rope_scaling" : "rope_parameters";
            JsonNode s = root.get(field);
            if (s == null || s.isNull()) return null;
            if (!s.isObject()) throw error(field, "expected an object");
            JsonNode typeNode = s.has("rope_type") ? s.get("rope_type") : s.get("type");
            String type = typeNode == null || typeNode.isNull() ? "default" : typeNode.asText();
            switch (type) {
                case "default":
                    return null;
                case "llama3":
                    return new RopeScaling(
                            number(required(s, field, "factor"), field + ".factor"),
                            number(required(s, field, "low_freq_factor"), field + ".low_freq_factor"),
                            number(required(s, field, "high_freq_factor"), field + ".high_freq_factor"),
                            integer(required(s, field, "original_max_position_embeddings"),
                                    field + ".original_max_position_embeddings"));
                default:
                    throw error(field + ".rope_type", "'" + type + "' is not supported (supported: default, llama3)");
            }
        }

        private JsonNode required(JsonNode parent, String parentName, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) throw error(parentName + "." + field, "missing");
            return n;
        }

        private void refuseTrue(String field) {
            JsonNode n = root.get(field);
            if (n != null && n.isBoolean() && n.booleanValue()) throw error(field, "true is not supported");
        }

        private String requiredText(String field) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) throw error(field, "missing");
            if (!n.isTextual()) throw error(field, "expected a string, got " + n);
            return n.textValue();
        }

        private String optionalText(String field, String fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            if (!n.isTextual()) throw error(field, "expected a string, got " + n);
            return n.textValue();
        }

        private int requiredInt(String field) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) throw error(field, "missing");
            return integer(n, field);
        }

        private int optionalInt(String field, int fallback) {
            JsonNode n = root.get(field);
            return n == null || n.isNull() ? fallback : integer(n, field);
        }

        private double optionalDouble(String field, double fallback) {
            JsonNode n = root.get(field);
            return n == null || n.isNull() ? fallback : number(n, field);
        }

        private boolean optionalBoolean(String field, boolean fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return fallback;
            if (!n.isBoolean()) throw error(field, "expected true or false, got " + n);
            return n.booleanValue();
        }

        private int integer(JsonNode n, String field) {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) throw error(field, "expected an integer, got " + n);
            return n.intValue();
        }

        private double number(JsonNode n, String field) {
            if (!n.isNumber()) throw error(field, "expected a number, got " + n);
            return n.doubleValue();
        }

        private IllegalArgumentException error(String field, String what) {
            return new IllegalArgumentException(source + ": field '" + field + "': " + what);
        }
    }
}
