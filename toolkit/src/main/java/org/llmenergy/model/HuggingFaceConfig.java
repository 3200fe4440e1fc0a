package org.llmenergy.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.llmenergy.io.Json;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelConfig}: dense Llama, Qwen2, Qwen3, OLMo, Mistral,
 * Phi-3, StarCoder2, Gemma 1/2/3 (Gemma 3's decoder from its nested {@code text_config}), and the
 * mixture-of-experts shapes of OLMoE, Qwen3-MoE, Mixtral, DeepSeek-V3 (with latent attention) and gpt-oss.
 *
 * <p>Llama, Qwen2 and OLMo configs may be run by the toolkit's DJL transformer, so for them every feature it does
 * not implement (biases on the output or MLP projections, QKV clipping, sliding windows, activations other than
 * SiLU, rotary types other than {@code default} and {@code llama3}) is refused. The other families are described
 * for the analytic FLOPs, bytes and energy models only: what changes those (experts, latent attention, windows,
 * biases) is read, and what the shape cannot describe is refused. State-space and linear-attention hybrids
 * (Jamba, Mamba, Nemotron-H, Falcon-H1, Zamba, Qwen3-Next, MiniMax, ...) and Phi-3-small's block-sparse attention
 * are refused by {@code model_type} or {@code architectures}, with the reason. Every message names the file and the
 * field. Both spellings of the rotary settings are understood: the Hub's {@code rope_theta} + {@code rope_scaling}
 * (transformers 4.x) and transformers 5's {@code rope_parameters}.
 */
public final class HuggingFaceConfig {
    private static final ObjectMapper JSON = Json.uniqueKeys();

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

    /**
     * Architectures that are not a stack of attention + MLP layers (state-space and linear-attention hybrids) or
     * whose attention the {@link ModelConfig} cannot describe. Keyed by {@code model_type}; the value is the reason.
     */
    private static final Map<String, String> UNREPRESENTABLE = Map.ofEntries(
            Map.entry("jamba", "a Mamba (state-space) / attention hybrid"),
            Map.entry("mamba", "a Mamba state-space model"),
            Map.entry("mamba2", "a Mamba-2 state-space model"),
            Map.entry("falcon_mamba", "a Mamba state-space model"),
            Map.entry("falcon_h1", "a Mamba-2 / attention hybrid"),
            Map.entry("nemotron_h", "a Mamba-2 / attention hybrid"),
            Map.entry("zamba", "a Mamba / shared-attention hybrid"),
            Map.entry("zamba2", "a Mamba-2 / shared-attention hybrid"),
            Map.entry("bamba", "a Mamba-2 / attention hybrid"),
            Map.entry("granitemoehybrid", "a Mamba-2 / attention hybrid"),
            Map.entry("plamo2", "a Mamba / attention hybrid"),
            Map.entry("lfm2", "a convolution / attention hybrid"),
            Map.entry("rwkv", "an RNN (linear attention) model"),
            Map.entry("recurrent_gemma", "a Griffin recurrent / local-attention hybrid"),
            Map.entry("qwen3_next", "a Gated DeltaNet (linear attention) / attention hybrid"),
            Map.entry("minimax", "a lightning (linear) attention / softmax attention hybrid"),
            Map.entry("minimax_m1", "a lightning (linear) attention / softmax attention hybrid"),
            Map.entry("phi3small", "block-sparse attention (local blocks plus a vertical stride), which is neither "
                    + "full nor sliding-window attention"));

    /** Class-name fragments in {@code architectures} that mark the same kinds of model. */
    private static final List<String> UNREPRESENTABLE_ARCHITECTURES = List.of("Mamba", "Jamba", "Zamba", "Bamba",
            "NemotronH", "FalconH1", "Rwkv", "RecurrentGemma", "Qwen3Next", "MiniMax", "Hybrid");

    private static final Map<String, Family> FAMILIES = Map.ofEntries(
            Map.entry("llama", Family.LLAMA),
            Map.entry("qwen2", Family.QWEN2),
            Map.entry("olmo", Family.OLMO),
            Map.entry("olmoe", Family.OLMO),
            Map.entry("qwen3", Family.QWEN3),
            Map.entry("qwen3_moe", Family.QWEN3_MOE),
            Map.entry("mistral", Family.MISTRAL),
            Map.entry("mixtral", Family.MIXTRAL),
            Map.entry("gemma", Family.GEMMA),
            Map.entry("gemma2", Family.GEMMA2),
            Map.entry("gemma3", Family.GEMMA3),
            Map.entry("gemma3_text", Family.GEMMA3),
            Map.entry("deepseek_v3", Family.DEEPSEEK_V3),
            Map.entry("gpt_oss", Family.GPT_OSS),
            Map.entry("phi3", Family.PHI3),
            Map.entry("starcoder2", Family.STARCODER2));

    /**
     * transformers' {@code Gemma3TextConfig} defaults (transformers 4.50, 2025) for the fields the Hub's Gemma 3
     * configs leave out of {@code text_config}.
     */
    private static final Map<String, Number> GEMMA3_TEXT_DEFAULTS = Map.of("vocab_size", 262208,
            "max_position_embeddings", 131072, "rope_theta", 1_000_000.0, "rms_norm_eps", 1e-6,
            "sliding_window_pattern", 6);

    /** Families the DJL transformer runs: their configs are read strictly, refusing any feature it lacks. */
    private static final Set<Family> RUNNABLE = EnumSet.of(Family.LLAMA, Family.QWEN2, Family.OLMO);

    /** Families whose Hugging Face config class ties the LM head to the embedding unless told otherwise. */
    private static final Set<Family> TIED_BY_DEFAULT = EnumSet.of(Family.GEMMA, Family.GEMMA2, Family.GEMMA3,
            Family.STARCODER2);

    /** Field access with messages that name the file and the field. */
    private static final class Reader {
        private final JsonNode root;
        private final String source;
        private final String prefix;
        /** Values the config class fills in when the file omits them (transformers writes only non-defaults). */
        private final Map<String, Number> defaults;

        Reader(JsonNode root, String source) {
            this(root, source, "", Map.of());
        }

        private Reader(JsonNode root, String source, String prefix, Map<String, Number> defaults) {
            this.root = root;
            this.source = source;
            this.prefix = prefix;
            this.defaults = defaults;
        }

        ModelConfig toModelConfig(String name) {
            String modelType = requiredText("model_type").toLowerCase(Locale.ROOT);
            refuseUnrepresentable(modelType);
            Family family = FAMILIES.get(modelType);
            if (family == null) {
                throw error("model_type", "'" + modelType + "' is not supported (supported: "
                        + new TreeSet<>(FAMILIES.keySet()) + ")");
            }
            // Gemma 3's multimodal config nests the decoder under text_config; the vision tower is not modelled.
            JsonNode text = root.get("text_config");
            Reader fields = text != null && text.isObject()
                    ? new Reader(text, source, prefix + "text_config.", family == Family.GEMMA3 ? GEMMA3_TEXT_DEFAULTS : Map.of())
                    : this;
            try {
                return RUNNABLE.contains(family)
                        ? runnable(name, family, modelType.equals("olmoe"))
                        : fields.analytic(name, family);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(source)) throw e;
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        private void refuseUnrepresentable(String modelType) {
            String reason = UNREPRESENTABLE.get(modelType);
            if (reason != null) {
                throw error("model_type", "'" + modelType + "' is " + reason + "; the toolkit's transformer model "
                        + "cannot represent it, so it is refused rather than priced as something else");
            }
            JsonNode archs = root.get("architectures");
            if (archs != null && archs.isArray()) {
                for (JsonNode a : archs) {
                    for (String marker : UNREPRESENTABLE_ARCHITECTURES) {
                        if (a.isTextual() && a.textValue().contains(marker)) {
                            throw error("architectures", "'" + a.textValue() + "' is a state-space, recurrent or "
                                    + "linear-attention hybrid; the toolkit's transformer model cannot represent it, "
                                    + "so it is refused rather than priced as something else");
                        }
                    }
                }
            }
        }

        /** Llama, Qwen2, OLMo(E): read strictly, since the DJL transformer may run the result. */
        private ModelConfig runnable(String name, Family family, boolean moe) {
            String act = optionalText("hidden_act", "silu");
            if (!act.equals("silu")) throw error("hidden_act", "'" + act + "' is not supported (only silu)");
            refuseTrue("mlp_bias");
            refuseTrue("use_sliding_window");
            if (root.hasNonNull("clip_qkv")) throw error("clip_qkv", "QKV clipping is not supported");
            if (family != Family.QWEN2) refuseTrue("attention_bias");
            int experts = moe ? requiredInt("num_experts") : 0;
            int perToken = moe ? requiredInt("num_experts_per_tok") : 0;
            // OLMo v1's layer norm hard-codes eps = 1e-5 (transformers OlmoLayerNorm); the others read rms_norm_eps.
            double eps = family == Family.OLMO && !moe ? 1e-5 : optionalDouble("rms_norm_eps", 1e-6);
            return common(name, family)
                    .optRopeScaling(ropeScaling()).optNormEps(eps)
                    .optTieEmbeddings(optionalBoolean("tie_word_embeddings", false))
                    .optQkvBias(family == Family.QWEN2)
                    .optNumExperts(experts).optExpertsPerToken(perToken)
                    .build();
        }

        /**
         * The families only the analytic models use. Activations and rotary scaling (YaRN, linear, longrope) do
         * not change FLOPs or bytes and are not kept; everything that does (experts, latent attention, windows,
         * biases) is read or refused. DeepSeek's multi-token-prediction layer ({@code num_nextn_predict_layers}) is
         * left out, as in the published 671 B: serving engines run it only for speculative decoding.
         */
        private ModelConfig analytic(String name, Family family) {
            ModelConfig.Builder b = common(name, family)
                    .optNormEps(root.hasNonNull("rms_norm_eps") ? optionalDouble("rms_norm_eps", 1e-6)
                            : optionalDouble("norm_epsilon", 1e-6))
                    .optTieEmbeddings(optionalBoolean("tie_word_embeddings", TIED_BY_DEFAULT.contains(family)))
                    .optQkvBias(optionalBoolean("attention_bias", false) || optionalBoolean("use_bias", false));
            if (family == Family.GPT_OSS || family == Family.STARCODER2) {
                // their biases are part of the architecture; the flags above are absent from some configs
                b.optQkvBias(true);
            }
            switch (family) {
                case QWEN3, QWEN3_MOE -> {
                    refuseTrue("use_sliding_window");
                    if (family == Family.QWEN3_MOE) {
                        int step = optionalInt("decoder_sparse_step", 1);
                        if (step != 1) throw error("decoder_sparse_step", step + " is not represented (only 1)");
                        JsonNode dense = root.get("mlp_only_layers");
                        if (dense != null && dense.isArray() && !dense.isEmpty()) {
                            throw error("mlp_only_layers", "dense layers among the MoE layers are not represented");
                        }
                        b.optNumExperts(requiredInt("num_experts")).optExpertsPerToken(requiredInt("num_experts_per_tok"))
                                .optMoeIntermediateSize(requiredInt("moe_intermediate_size"));
                    }
                }
                case MIXTRAL -> b.optNumExperts(requiredInt("num_local_experts"))
                        .optExpertsPerToken(requiredInt("num_experts_per_tok"))
                        .optSlidingWindow(windowOnEveryLayer());
                case MISTRAL, PHI3, STARCODER2 -> b.optSlidingWindow(windowOnEveryLayer());
                case GEMMA2 -> b.optSlidingWindow(layerTypes(requiredInt("sliding_window"), 2));
                case GEMMA3 -> b.optSlidingWindow(layerTypes(requiredInt("sliding_window"),
                        optionalInt("sliding_window_pattern", 6)));
                case GPT_OSS -> b.optNumExperts(requiredInt("num_local_experts"))
                        .optExpertsPerToken(root.hasNonNull("num_experts_per_tok")
                                ? requiredInt("num_experts_per_tok") : requiredInt("experts_per_token"))
                        .optSlidingWindow(layerTypes(requiredInt("sliding_window"), 2));
                case DEEPSEEK_V3 -> {
                    b.optNumExperts(requiredInt("n_routed_experts")).optExpertsPerToken(requiredInt("num_experts_per_tok"))
                            .optSharedExperts(optionalInt("n_shared_experts", 0))
                            .optMoeIntermediateSize(requiredInt("moe_intermediate_size"))
                            .optFirstDenseLayers(optionalInt("first_k_dense_replace", 0))
                            .optMoeLayerEvery(optionalInt("moe_layer_freq", 1))
                            .optMla(requiredInt("kv_lora_rank"), optionalInt("q_lora_rank", 0),
                                    requiredInt("qk_rope_head_dim"), requiredInt("qk_nope_head_dim"),
                                    requiredInt("v_head_dim"))
                            .optNumKvHeads(requiredInt("num_attention_heads"));
                }
                default -> { }
            }
            if (family == Family.DEEPSEEK_V3) {
                // transformers' DeepseekV3Config sets head_dim to the rotary part; the MLA head is nope + rope
                b.optHeadDim(requiredInt("qk_nope_head_dim") + requiredInt("qk_rope_head_dim"));
            }
            return b.build();
        }

        /** Fields every family spells alike. */
        private ModelConfig.Builder common(String name, Family family) {
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
            return ModelConfig.builder().setName(name).setFamily(family)
                    .setVocabSize(requiredInt("vocab_size")).setHiddenSize(hidden)
                    .setNumLayers(requiredInt("num_hidden_layers")).setNumHeads(heads)
                    .optNumKvHeads(kvHeads).optHeadDim(headDim)
                    .setIntermediateSize(requiredInt("intermediate_size"))
                    .optMaxPositions(optionalInt("max_position_embeddings", 2048))
                    .optRopeTheta(ropeTheta());
        }

        /** Mistral-style {@code sliding_window}: null or absent means none; a window as long as the context is none. */
        private SlidingWindow windowOnEveryLayer() {
            JsonNode n = root.get("sliding_window");
            if (n == null || n.isNull()) return SlidingWindow.NONE;
            int w = integer(n, "sliding_window");
            if (w <= 0) throw error("sliding_window", "must be > 0 or null, got " + w);
            return w >= optionalInt("max_position_embeddings", Integer.MAX_VALUE) ? SlidingWindow.NONE : SlidingWindow.everyLayer(w);
        }

        /**
         * Which layers use the window: from {@code layer_types} when the config lists them (transformers 4.53+),
         * else every {@code defaultGlobalEvery}-th layer is global as the family's code fixes it.
         */
        private SlidingWindow layerTypes(int window, int defaultGlobalEvery) {
            JsonNode types = root.get("layer_types");
            if (types == null || types.isNull()) return SlidingWindow.withGlobalEvery(window, defaultGlobalEvery);
            if (!types.isArray() || types.isEmpty()) throw error("layer_types", "expected a non-empty array");
            int layers = requiredInt("num_hidden_layers");
            if (types.size() != layers) {
                throw error("layer_types", "lists " + types.size() + " layers, num_hidden_layers is " + layers);
            }
            boolean[] global = new boolean[layers];
            int firstGlobal = -1;
            for (int i = 0; i < layers; i++) {
                String t = types.get(i).asText();
                switch (t) {
                    case "full_attention" -> global[i] = true;
                    case "sliding_attention" -> global[i] = false;
                    default -> throw error("layer_types[" + i + "]", "'" + t + "' is not represented "
                            + "(only full_attention and sliding_attention)");
                }
                if (global[i] && firstGlobal < 0) firstGlobal = i;
            }
            if (firstGlobal < 0) return SlidingWindow.everyLayer(window);
            int every = firstGlobal + 1;
            if (every == 1) {
                for (boolean g : global) if (!g) throw error("layer_types", "a pattern that starts with a global layer is not represented");
                return SlidingWindow.NONE;
            }
            SlidingWindow w = SlidingWindow.withGlobalEvery(window, every);
            for (int i = 0; i < layers; i++) {
                if (w.isLocal(i) == global[i]) {
                    throw error("layer_types", "not periodic: expected every " + every + "th layer global, layer " + i
                            + " is " + types.get(i).asText());
                }
            }
            return w;
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
            if (n == null || n.isNull()) {
                if (defaults.containsKey(field)) return defaults.get(field).intValue();
                throw error(field, "missing");
            }
            return integer(n, field);
        }

        private int optionalInt(String field, int fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return defaults.containsKey(field) ? defaults.get(field).intValue() : fallback;
            return integer(n, field);
        }

        private double optionalDouble(String field, double fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) return defaults.containsKey(field) ? defaults.get(field).doubleValue() : fallback;
            return number(n, field);
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
            return new IllegalArgumentException(source + ": field '" + prefix + field + "': " + what);
        }
    }
}
