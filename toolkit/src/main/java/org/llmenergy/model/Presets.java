package org.llmenergy.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named architecture presets. The large ones copy the shapes of the public Hugging Face configs (each cites its
 * {@code config.json}); the small ones ({@code tiny-15m}, {@code small-100m}) run quickly on a 2-core CPU.
 * A preset is a shape only: the checkpoint's number format is not part of it, so an FP8 checkpoint and its
 * bf16 original map to the same preset ({@link #forModelId(String)}).
 */
public final class Presets {
    private static final Map<String, ModelConfig> PRESETS = new LinkedHashMap<>();
    /** Hugging Face model ids, lower-cased, to preset names. */
    private static final Map<String, String> MODEL_IDS = new LinkedHashMap<>();

    static {
        // source: meta-llama/Llama-3.1-8B/config.json
        add(llama31("llama-3.1-8b").setHiddenSize(4096).setNumLayers(32).setNumHeads(32).setIntermediateSize(14336).build(),
                "meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Meta-Llama-3.1-8B",
                "meta-llama/Meta-Llama-3.1-8B-Instruct");
        // source: meta-llama/Llama-3.1-70B/config.json
        add(llama31("llama-3.1-70b").setHiddenSize(8192).setNumLayers(80).setNumHeads(64).setIntermediateSize(28672).build(),
                "meta-llama/Llama-3.1-70B", "meta-llama/Llama-3.1-70B-Instruct", "meta-llama/Meta-Llama-3.1-70B",
                "meta-llama/Meta-Llama-3.1-70B-Instruct");
        // source: meta-llama/Llama-3.1-405B/config.json (the -FP8 checkpoint has the same shape)
        add(llama31("llama-3.1-405b").setHiddenSize(16384).setNumLayers(126).setNumHeads(128).setIntermediateSize(53248).build(),
                "meta-llama/Llama-3.1-405B", "meta-llama/Llama-3.1-405B-Instruct", "meta-llama/Llama-3.1-405B-Instruct-FP8",
                "meta-llama/Meta-Llama-3.1-405B", "meta-llama/Meta-Llama-3.1-405B-Instruct",
                "meta-llama/Meta-Llama-3.1-405B-Instruct-FP8");
        // source: meta-llama/Llama-3.2-1B/config.json
        add(ModelConfig.builder().setName("llama-3.2-1b").setFamily(Family.LLAMA).setVocabSize(128256).setHiddenSize(2048)
                .setNumLayers(16).setNumHeads(32).optNumKvHeads(8).optHeadDim(64).setIntermediateSize(8192)
                .optMaxPositions(131072).optRopeTheta(500000).optRopeScaling(RopeScaling.LLAMA_3_2).optNormEps(1e-5)
                .optTieEmbeddings(true).build(),
                "meta-llama/Llama-3.2-1B", "meta-llama/Llama-3.2-1B-Instruct");
        // source: meta-llama/Llama-3.2-3B/config.json
        add(ModelConfig.builder().setName("llama-3.2-3b").setFamily(Family.LLAMA).setVocabSize(128256).setHiddenSize(3072)
                .setNumLayers(28).setNumHeads(24).optNumKvHeads(8).optHeadDim(128).setIntermediateSize(8192)
                .optMaxPositions(131072).optRopeTheta(500000).optRopeScaling(RopeScaling.LLAMA_3_2).optNormEps(1e-5)
                .optTieEmbeddings(true).build(),
                "meta-llama/Llama-3.2-3B", "meta-llama/Llama-3.2-3B-Instruct");
        // source: deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B/config.json (Qwen2 architecture)
        add(ModelConfig.builder().setName("deepseek-r1-distill-qwen-1.5b").setFamily(Family.QWEN2).setVocabSize(151936)
                .setHiddenSize(1536).setNumLayers(28).setNumHeads(12).optNumKvHeads(2).optHeadDim(128)
                .setIntermediateSize(8960).optMaxPositions(131072).optRopeTheta(10000).optNormEps(1e-6).optQkvBias(true)
                .build(),
                "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
        // source: deepseek-ai/DeepSeek-R1-Distill-Qwen-32B/config.json
        add(ModelConfig.builder().setName("deepseek-r1-distill-qwen-32b").setFamily(Family.QWEN2).setVocabSize(152064)
                .setHiddenSize(5120).setNumLayers(64).setNumHeads(40).optNumKvHeads(8).optHeadDim(128)
                .setIntermediateSize(27648).optMaxPositions(131072).optRopeTheta(1000000).optNormEps(1e-5)
                .optQkvBias(true).build(),
                "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B");
        // source: allenai/OLMo-1B-hf/config.json
        add(olmo("olmo-1b").setHiddenSize(2048).setNumLayers(16).setNumHeads(16).setIntermediateSize(8192)
                .optTieEmbeddings(true).build(), "allenai/OLMo-1B-hf");
        // source: allenai/OLMo-7B-hf/config.json
        add(olmo("olmo-7b").setHiddenSize(4096).setNumLayers(32).setNumHeads(32).setIntermediateSize(11008).build(),
                "allenai/OLMo-7B-hf");
        // source: allenai/OLMoE-1B-7B-0924/config.json: 64 experts, top-8 (shape only; the DJL model runs dense models)
        add(olmo("olmoe-1b-7b").setHiddenSize(2048).setNumLayers(16).setNumHeads(16).setIntermediateSize(1024)
                .optMaxPositions(4096).optNumExperts(64).optExpertsPerToken(8).build(),
                "allenai/OLMoE-1B-7B-0924");

        // Qwen3, the ML.ENERGY v3 calibration split (qk-norm, no QKV bias, untied head on 8B and larger).
        // source: Qwen/Qwen3-8B/config.json
        add(qwen3("qwen3-8b", Family.QWEN3).setHiddenSize(4096).setNumLayers(36).setNumHeads(32).optNumKvHeads(8)
                .setIntermediateSize(12288).optMaxPositions(40960).optRopeTheta(1000000).build(),
                "Qwen/Qwen3-8B", "Qwen/Qwen3-8B-FP8", "Qwen/Qwen3-8B-Base");
        // source: Qwen/Qwen3-14B/config.json
        add(qwen3("qwen3-14b", Family.QWEN3).setHiddenSize(5120).setNumLayers(40).setNumHeads(40).optNumKvHeads(8)
                .setIntermediateSize(17408).optMaxPositions(40960).optRopeTheta(1000000).build(),
                "Qwen/Qwen3-14B", "Qwen/Qwen3-14B-FP8", "Qwen/Qwen3-14B-Base");
        // source: Qwen/Qwen3-30B-A3B-Instruct-2507/config.json (Thinking-2507, Coder-30B-A3B-Instruct and the original
        // Qwen3-30B-A3B share this shape; only max_position_embeddings and rope_theta differ, which cost nothing)
        add(qwen3("qwen3-30b-a3b", Family.QWEN3_MOE).setHiddenSize(2048).setNumLayers(48).setNumHeads(32).optNumKvHeads(4)
                .setIntermediateSize(6144).optNumExperts(128).optExpertsPerToken(8).optMoeIntermediateSize(768)
                .optMaxPositions(262144).optRopeTheta(10000000).build(),
                "Qwen/Qwen3-30B-A3B", "Qwen/Qwen3-30B-A3B-FP8", "Qwen/Qwen3-30B-A3B-Instruct-2507",
                "Qwen/Qwen3-30B-A3B-Instruct-2507-FP8", "Qwen/Qwen3-30B-A3B-Thinking-2507",
                "Qwen/Qwen3-30B-A3B-Thinking-2507-FP8", "Qwen/Qwen3-Coder-30B-A3B-Instruct",
                "Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8");
        // source: Qwen/Qwen3-235B-A22B-Instruct-2507/config.json (the -FP8 and Thinking-2507 checkpoints share the shape)
        add(qwen3("qwen3-235b-a22b", Family.QWEN3_MOE).setHiddenSize(4096).setNumLayers(94).setNumHeads(64).optNumKvHeads(4)
                .setIntermediateSize(12288).optNumExperts(128).optExpertsPerToken(8).optMoeIntermediateSize(1536)
                .optMaxPositions(262144).optRopeTheta(5000000).build(),
                "Qwen/Qwen3-235B-A22B", "Qwen/Qwen3-235B-A22B-FP8", "Qwen/Qwen3-235B-A22B-Instruct-2507",
                "Qwen/Qwen3-235B-A22B-Instruct-2507-FP8", "Qwen/Qwen3-235B-A22B-Thinking-2507",
                "Qwen/Qwen3-235B-A22B-Thinking-2507-FP8");
        // source: deepseek-ai/DeepSeek-V3.1/config.json (same shape as DeepSeek-V3 and R1; the multi-token-prediction
        // layer, num_nextn_predict_layers = 1, is not part of the 671B and is not modelled; YaRN rotary scaling factor 40)
        add(ModelConfig.builder().setName("deepseek-v3.1").setFamily(Family.DEEPSEEK_V3).setVocabSize(129280)
                .setHiddenSize(7168).setNumLayers(61).setNumHeads(128).setIntermediateSize(18432)
                .optNumExperts(256).optExpertsPerToken(8).optSharedExperts(1).optMoeIntermediateSize(2048)
                .optFirstDenseLayers(3).optMoeLayerEvery(1).optMla(512, 1536, 64, 128, 128)
                .optMaxPositions(163840).optRopeTheta(10000).optNormEps(1e-6).build(),
                "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-V3-0324", "deepseek-ai/DeepSeek-V3.1",
                "deepseek-ai/DeepSeek-V3.1-Terminus", "deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-0528");
        // source: google/gemma-3-27b-it/config.json, text_config (the vision tower is not modelled); five
        // sliding-window layers of 1024 tokens to one global layer (sliding_window_pattern 6)
        add(ModelConfig.builder().setName("gemma-3-27b").setFamily(Family.GEMMA3).setVocabSize(262208).setHiddenSize(5376)
                .setNumLayers(62).setNumHeads(32).optNumKvHeads(16).optHeadDim(128).setIntermediateSize(21504)
                .optMaxPositions(131072).optRopeTheta(1000000).optNormEps(1e-6).optTieEmbeddings(true)
                .optSlidingWindow(SlidingWindow.withGlobalEvery(1024, 6)).build(),
                "google/gemma-3-27b-it", "google/gemma-3-27b-pt");

        // Small Llama-shaped presets (the llama2.c "stories" shapes) for CPU runs and tests.
        add(ModelConfig.builder().setName("tiny-15m").setFamily(Family.LLAMA).setVocabSize(32000).setHiddenSize(288)
                .setNumLayers(6).setNumHeads(6).optHeadDim(48).setIntermediateSize(768).optMaxPositions(1024)
                .optTieEmbeddings(true).build());
        add(ModelConfig.builder().setName("small-100m").setFamily(Family.LLAMA).setVocabSize(32000).setHiddenSize(768)
                .setNumLayers(12).setNumHeads(12).optNumKvHeads(4).optHeadDim(64).setIntermediateSize(2048)
                .optMaxPositions(2048).optTieEmbeddings(true).build());
    }

    private Presets() {}

    private static ModelConfig.Builder llama31(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.LLAMA).setVocabSize(128256).optNumKvHeads(8)
                .optHeadDim(128).optMaxPositions(131072).optRopeTheta(500000).optRopeScaling(RopeScaling.LLAMA_3_1)
                .optNormEps(1e-5);
    }

    private static ModelConfig.Builder qwen3(String name, Family family) {
        return ModelConfig.builder().setName(name).setFamily(family).setVocabSize(151936).optHeadDim(128).optNormEps(1e-6);
    }

    private static ModelConfig.Builder olmo(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.OLMO).setVocabSize(50304).optHeadDim(128)
                .optRopeTheta(10000).optNormEps(1e-5);
    }

    private static void add(ModelConfig c, String... huggingFaceIds) {
        if (PRESETS.putIfAbsent(c.name(), c) != null) throw new IllegalStateException("duplicate preset " + c.name());
        for (String id : huggingFaceIds) {
            String prior = MODEL_IDS.putIfAbsent(id.toLowerCase(Locale.ROOT), c.name());
            if (prior != null) throw new IllegalStateException("model id " + id + " mapped twice: " + prior + ", " + c.name());
        }
    }

    /**
     * @param name a preset name, for example {@code "llama-3.1-8b"}
     * @return the preset
     * @throws IllegalArgumentException naming the known presets when there is none of that name
     */
    public static ModelConfig get(String name) {
        ModelConfig c = PRESETS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown model preset '" + name + "'; known: " + names());
        }
        return c;
    }

    /**
     * The preset of a Hugging Face model id, through an explicit table of the ids that appear in the public
     * measurements (ML.ENERGY v2 and v3, the paper). Case is ignored; a checkpoint's precision suffix is part of
     * the id and maps to the same shape ({@code "Qwen/Qwen3-235B-A22B-Instruct-2507-FP8"} gives
     * {@code qwen3-235b-a22b}).
     *
     * @param huggingFaceId an id such as {@code "meta-llama/Llama-3.1-8B-Instruct"}
     * @return the shape, or empty when the id is not in the table
     */
    public static Optional<ModelConfig> forModelId(String huggingFaceId) {
        if (huggingFaceId == null) return Optional.empty();
        String preset = MODEL_IDS.get(huggingFaceId.trim().toLowerCase(Locale.ROOT));
        return preset == null ? Optional.empty() : Optional.of(PRESETS.get(preset));
    }

    /** @return every Hugging Face id {@link #forModelId(String)} knows (lower-cased), in a stable order */
    public static List<String> modelIds() { return List.copyOf(MODEL_IDS.keySet()); }

    /** @return every preset name, in a stable order */
    public static List<String> names() { return List.copyOf(PRESETS.keySet()); }
}
