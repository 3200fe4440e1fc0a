package org.llmenergy.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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

        // The ML.ENERGY v2 models (leaderboard-v2 chat and code) and gpt-oss.
        // source: google/gemma-2-2b-it/config.json (sliding_window 4096 on every other layer, head_dim 256)
        add(gemma("gemma-2-2b", Family.GEMMA2).setHiddenSize(2304).setNumLayers(26).setNumHeads(8).optNumKvHeads(4)
                .optHeadDim(256).setIntermediateSize(9216).optSlidingWindow(SlidingWindow.withGlobalEvery(4096, 2)).build(),
                "google/gemma-2-2b", "google/gemma-2-2b-it");
        // source: google/gemma-2-9b-it/config.json
        add(gemma("gemma-2-9b", Family.GEMMA2).setHiddenSize(3584).setNumLayers(42).setNumHeads(16).optNumKvHeads(8)
                .optHeadDim(256).setIntermediateSize(14336).optSlidingWindow(SlidingWindow.withGlobalEvery(4096, 2)).build(),
                "google/gemma-2-9b", "google/gemma-2-9b-it");
        // source: google/gemma-2-27b-it/config.json
        add(gemma("gemma-2-27b", Family.GEMMA2).setHiddenSize(4608).setNumLayers(46).setNumHeads(32).optNumKvHeads(16)
                .optHeadDim(128).setIntermediateSize(36864).optSlidingWindow(SlidingWindow.withGlobalEvery(4096, 2)).build(),
                "google/gemma-2-27b", "google/gemma-2-27b-it");
        // source: google/codegemma-1.1-2b/config.json (Gemma 1 architecture, multi-query attention)
        add(gemma("codegemma-2b", Family.GEMMA).setHiddenSize(2048).setNumLayers(18).setNumHeads(8).optNumKvHeads(1)
                .optHeadDim(256).setIntermediateSize(16384).build(),
                "google/codegemma-2b", "google/codegemma-1.1-2b");
        // source: google/codegemma-7b/config.json
        add(gemma("codegemma-7b", Family.GEMMA).setHiddenSize(3072).setNumLayers(28).setNumHeads(16).optNumKvHeads(16)
                .optHeadDim(256).setIntermediateSize(24576).build(),
                "google/codegemma-7b", "google/codegemma-7b-it", "google/codegemma-1.1-7b-it");
        // source: microsoft/Phi-3-mini-4k-instruct/config.json (sliding_window 2047 on every layer)
        add(ModelConfig.builder().setName("phi-3-mini").setFamily(Family.PHI3).setVocabSize(32064).setHiddenSize(3072)
                .setNumLayers(32).setNumHeads(32).setIntermediateSize(8192).optMaxPositions(4096).optRopeTheta(10000)
                .optSlidingWindow(SlidingWindow.everyLayer(2047)).build(),
                "microsoft/Phi-3-mini-4k-instruct");
        // source: microsoft/Phi-3-medium-4k-instruct/config.json
        add(ModelConfig.builder().setName("phi-3-medium").setFamily(Family.PHI3).setVocabSize(32064).setHiddenSize(5120)
                .setNumLayers(40).setNumHeads(40).optNumKvHeads(10).setIntermediateSize(17920).optMaxPositions(4096)
                .optRopeTheta(10000).optSlidingWindow(SlidingWindow.everyLayer(2047)).build(),
                "microsoft/Phi-3-medium-4k-instruct");
        // microsoft/Phi-3-small-8k-instruct has no preset: its block-sparse attention is not representable
        // (HuggingFaceConfig refuses model_type phi3small with the reason).
        // source: mistralai/Mistral-7B-Instruct-v0.3/config.json (sliding_window null)
        add(mistral("mistral-7b-v0.3").setVocabSize(32768).setHiddenSize(4096).setNumLayers(32).setNumHeads(32)
                .setIntermediateSize(14336).optMaxPositions(32768).build(),
                "mistralai/Mistral-7B-v0.3", "mistralai/Mistral-7B-Instruct-v0.3");
        // source: mistralai/Mistral-Nemo-Instruct-2407/config.json (head_dim 128, not hidden/heads)
        add(mistral("mistral-nemo-12b").setVocabSize(131072).setHiddenSize(5120).setNumLayers(40).setNumHeads(32)
                .optHeadDim(128).setIntermediateSize(14336).optMaxPositions(1024000).build(),
                "mistralai/Mistral-Nemo-Base-2407", "mistralai/Mistral-Nemo-Instruct-2407");
        // source: mistralai/Mistral-Large-Instruct-2407/config.json
        add(mistral("mistral-large-2407").setVocabSize(32768).setHiddenSize(12288).setNumLayers(88).setNumHeads(96)
                .optHeadDim(128).setIntermediateSize(28672).optMaxPositions(131072).build(),
                "mistralai/Mistral-Large-Instruct-2407");
        // source: mistralai/Mixtral-8x7B-Instruct-v0.1/config.json (8 experts of width 14336, top-2)
        add(mistral("mixtral-8x7b").setFamily(Family.MIXTRAL).setVocabSize(32000).setHiddenSize(4096).setNumLayers(32)
                .setNumHeads(32).setIntermediateSize(14336).optNumExperts(8).optExpertsPerToken(2)
                .optMaxPositions(32768).build(),
                "mistralai/Mixtral-8x7B-v0.1", "mistralai/Mixtral-8x7B-Instruct-v0.1");
        // source: mistralai/Mixtral-8x22B-Instruct-v0.1/config.json (ML.ENERGY v2 also has a "-pp1" folder of it)
        add(mistral("mixtral-8x22b").setFamily(Family.MIXTRAL).setVocabSize(32768).setHiddenSize(6144).setNumLayers(56)
                .setNumHeads(48).setIntermediateSize(16384).optNumExperts(8).optExpertsPerToken(2)
                .optMaxPositions(65536).build(),
                "mistralai/Mixtral-8x22B-v0.1", "mistralai/Mixtral-8x22B-Instruct-v0.1",
                "mistralai/Mixtral-8x22B-Instruct-v0.1-pp1");
        // source: bigcode/starcoder2-3b/config.json (layer norm and linear biases, GELU MLP, 4096-token window)
        add(starcoder2("starcoder2-3b").setHiddenSize(3072).setNumLayers(30).setNumHeads(24).optNumKvHeads(2)
                .setIntermediateSize(12288).optRopeTheta(999999.4420358813).build(), "bigcode/starcoder2-3b");
        // source: bigcode/starcoder2-7b/config.json
        add(starcoder2("starcoder2-7b").setHiddenSize(4608).setNumLayers(32).setNumHeads(36).optNumKvHeads(4)
                .setIntermediateSize(18432).optRopeTheta(1000000).build(), "bigcode/starcoder2-7b");
        // source: bigcode/starcoder2-15b/config.json
        add(starcoder2("starcoder2-15b").setHiddenSize(6144).setNumLayers(40).setNumHeads(48).optNumKvHeads(4)
                .setIntermediateSize(24576).optRopeTheta(100000).optTieEmbeddings(false).build(), "bigcode/starcoder2-15b");
        // source: codellama/CodeLlama-7b-hf/config.json (vocab 32016: the infilling tokens)
        add(codeLlama("codellama-7b").setVocabSize(32016).setHiddenSize(4096).setNumLayers(32).setNumHeads(32)
                .setIntermediateSize(11008).build(), "codellama/CodeLlama-7b-hf", "codellama/CodeLlama-7b-Instruct-hf");
        // source: codellama/CodeLlama-13b-hf/config.json
        add(codeLlama("codellama-13b").setVocabSize(32016).setHiddenSize(5120).setNumLayers(40).setNumHeads(40)
                .setIntermediateSize(13824).build(), "codellama/CodeLlama-13b-hf", "codellama/CodeLlama-13b-Instruct-hf");
        // source: codellama/CodeLlama-34b-hf/config.json (grouped-query attention, vocab 32000)
        add(codeLlama("codellama-34b").setVocabSize(32000).setHiddenSize(8192).setNumLayers(48).setNumHeads(64)
                .optNumKvHeads(8).setIntermediateSize(22016).build(),
                "codellama/CodeLlama-34b-hf", "codellama/CodeLlama-34b-Instruct-hf");
        // source: codellama/CodeLlama-70b-hf/config.json
        add(codeLlama("codellama-70b").setVocabSize(32016).setHiddenSize(8192).setNumLayers(80).setNumHeads(64)
                .optNumKvHeads(8).setIntermediateSize(28672).optMaxPositions(4096).build(),
                "codellama/CodeLlama-70b-hf", "codellama/CodeLlama-70b-Instruct-hf");
        // source: openai/gpt-oss-20b/config.json (32 experts of width 2880, top-4, 128-token window on every other
        // layer, biased attention with per-head sinks; the experts ship in MXFP4)
        add(gptOss("gpt-oss-20b").setNumLayers(24).optNumExperts(32).build(), "openai/gpt-oss-20b");
        // source: openai/gpt-oss-120b/config.json
        add(gptOss("gpt-oss-120b").setNumLayers(36).optNumExperts(128).build(), "openai/gpt-oss-120b");

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

    private static ModelConfig.Builder gemma(String name, Family family) {
        return ModelConfig.builder().setName(name).setFamily(family).setVocabSize(256000).optMaxPositions(8192)
                .optRopeTheta(10000).optNormEps(1e-6).optTieEmbeddings(true);
    }

    private static ModelConfig.Builder mistral(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.MISTRAL).optNumKvHeads(8).optRopeTheta(1000000)
                .optNormEps(1e-5);
    }

    private static ModelConfig.Builder starcoder2(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.STARCODER2).setVocabSize(49152)
                .optMaxPositions(16384).optNormEps(1e-5).optQkvBias(true).optTieEmbeddings(true)
                .optSlidingWindow(SlidingWindow.everyLayer(4096));
    }

    private static ModelConfig.Builder codeLlama(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.LLAMA).optMaxPositions(16384).optRopeTheta(1000000)
                .optNormEps(1e-5);
    }

    private static ModelConfig.Builder gptOss(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.GPT_OSS).setVocabSize(201088).setHiddenSize(2880)
                .setNumHeads(64).optNumKvHeads(8).optHeadDim(64).setIntermediateSize(2880).optExpertsPerToken(4)
                .optMaxPositions(131072).optRopeTheta(150000).optNormEps(1e-5).optQkvBias(true)
                .optSlidingWindow(SlidingWindow.withGlobalEvery(128, 2));
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

    /** Vocabulary of the default shape: Llama 3's tokenizer (meta-llama/Llama-3.1-8B/config.json). */
    static final int DEFAULT_VOCAB = 128256;
    /** Head dimension of the default shape, and its width-to-depth ratio d / L (Llama-3.1-8B: 4096 / 32). */
    static final int DEFAULT_HEAD_DIM = 128;
    /** SwiGLU width over model width of the default shape (Llama-3.1-8B and 70B: 14336 / 4096 = 28672 / 8192). */
    static final double DEFAULT_MLP_RATIO = 3.5;
    /** Routed experts per token of the default mixture-of-experts shape (Qwen3-MoE, DeepSeek-V3: top-8). */
    static final int DEFAULT_EXPERTS_PER_TOKEN = 8;
    /** Smallest total the default shape is defined for: below it the embeddings alone exceed the budget. */
    static final double MIN_DEFAULT_PARAMS = 1e8;

    /**
     * A default shape for a model known only by its size, whose {@link ModelConfig#parameterCount()} (and, for a
     * mixture of experts, {@link ModelConfig#activeParameterCount()}) match the given counts within 2 %.
     *
     * <p>The shape is Llama-3-like (family {@link Family#LLAMA}): untied embeddings over a 128,256-token
     * vocabulary, head dimension 128, 8 key/value heads (the largest divisor of the head count up to 8 when the
     * head count is not a multiple of 8), SwiGLU, no biases. The rule:
     * <ol>
     *   <li>Width d solves {@code total(d) = target} with depth {@code L = d / 128} and MLP width {@code 3.5 d} (the
     *       Llama-3.1-8B proportions), rounded to a multiple of 128; then {@code L = round(d / 128)}.</li>
     *   <li>The MLP width is then set so that the total matches, rounded to a multiple of 128.</li>
     *   <li>With {@code activeParams < 0.75 * totalParams} the model is a mixture of experts in every layer:
     *       d, L and the per-token MLP budget come from steps 1-2 applied to the active count (embedding table
     *       excluded, LM head included, as {@link ModelConfig#activeParameterCount()} counts); top-k is 8 (more
     *       when needed for at least 64 experts), the number of experts E is {@code round(k x routed budget of the
     *       total / routed budget of the active)}, and the expert width (a multiple of 8) fills the active budget.
     *       Dense models' published "active" counts differ from their totals only by the embedding (a few
     *       percent), which is why the threshold is 0.75 and not 1; real MoE ratios are 3.6 (Mixtral) and more.</li>
     * </ol>
     *
     * @param totalParams  total parameters (not billions), at least 1e8
     * @param activeParams parameters one token multiplies, embedding lookup excluded; empty for a dense model
     * @return the shape, named {@code default-<total>b} or {@code default-<total>b-a<active>b}
     * @throws IllegalArgumentException when a count is not finite, too small, or the active exceeds the total
     */
    public static ModelConfig fromParameterCount(double totalParams, OptionalDouble activeParams) {
        if (!Double.isFinite(totalParams) || totalParams < MIN_DEFAULT_PARAMS) {
            throw new IllegalArgumentException("total parameters must be a finite count >= " + MIN_DEFAULT_PARAMS
                    + " for the default shape, got " + totalParams);
        }
        double active = activeParams.orElse(totalParams);
        if (!Double.isFinite(active) || active <= 0 || active > totalParams) {
            throw new IllegalArgumentException("active parameters must be in (0, total = " + totalParams + "], got " + active);
        }
        boolean moe = active < 0.75 * totalParams;
        String name = "default-" + billions(totalParams) + "b" + (moe ? "-a" + billions(active) + "b" : "");
        // The dense part (attention, norms, head) is sized from the count that includes it once per token.
        double sizing = moe ? active : totalParams;
        int embeddingsInSizing = moe ? 1 : 2;
        int d = widthFor(sizing, embeddingsInSizing);
        int heads = d / DEFAULT_HEAD_DIM;
        int kv = kvHeadsFor(heads);
        int layers = Math.max(1, Math.round(d / (float) DEFAULT_HEAD_DIM));
        double perLayerFixed = attentionWeights(d, kv) + 2.0 * d;
        double mlpBudget = (sizing - embeddingsInSizing * (double) DEFAULT_VOCAB * d - d) / layers - perLayerFixed;
        ModelConfig.Builder b = ModelConfig.builder().setName(name).setFamily(Family.LLAMA).setVocabSize(DEFAULT_VOCAB)
                .setHiddenSize(d).setNumLayers(layers).setNumHeads(heads).optNumKvHeads(kv).optHeadDim(DEFAULT_HEAD_DIM)
                .optMaxPositions(131072).optRopeTheta(500000);
        if (!moe) {
            b.setIntermediateSize(roundTo(mlpBudget / (3.0 * d), DEFAULT_HEAD_DIM, name));
        } else {
            double totalBudget = (totalParams - 2.0 * DEFAULT_VOCAB * d - d) / layers - perLayerFixed;
            double ratio = totalBudget / mlpBudget;
            int k = DEFAULT_EXPERTS_PER_TOKEN;
            if (Math.round(k * ratio) < 64) k = (int) Math.ceil(64 / ratio);
            int experts = (int) Math.round(k * ratio);
            int width = roundTo((mlpBudget - (double) d * experts) / (3.0 * d * k), 8, name);
            b.setIntermediateSize(width).optNumExperts(experts).optExpertsPerToken(k).optMoeIntermediateSize(width);
        }
        ModelConfig c = b.build();
        requireWithin(name, "total", totalParams, c.parameterCount());
        if (moe) requireWithin(name, "active", active, c.activeParameterCount());
        return c;
    }

    /** @return a count in billions to 3 significant digits, trailing zeros dropped ("3", "30.5", "0.3") */
    private static String billions(double params) {
        return new java.math.BigDecimal(params / 1e9).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** Width (multiple of 128) whose Llama-3-proportioned model has {@code target} parameters, by bisection. */
    private static int widthFor(double target, int embeddings) {
        double lo = DEFAULT_HEAD_DIM;
        double hi = 1 << 17;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (proportionedCount(mid, embeddings) < target) lo = mid; else hi = mid;
        }
        return Math.max(2 * DEFAULT_HEAD_DIM, (int) Math.round(lo / DEFAULT_HEAD_DIM) * DEFAULT_HEAD_DIM);
    }

    private static double proportionedCount(double d, int embeddings) {
        double layers = d / DEFAULT_HEAD_DIM;
        double perLayer = attentionWeights(d, 8) + 3 * d * DEFAULT_MLP_RATIO * d + 2 * d;
        return layers * perLayer + embeddings * (double) DEFAULT_VOCAB * d + d;
    }

    /** Q and output projections d x d, K and V d x (kv x 128). */
    private static double attentionWeights(double d, int kvHeads) {
        return 2 * d * d + 2 * d * kvHeads * DEFAULT_HEAD_DIM;
    }

    private static int kvHeadsFor(int heads) {
        for (int kv = Math.min(8, heads); kv > 1; kv--) if (heads % kv == 0) return kv;
        return 1;
    }

    private static int roundTo(double value, int multiple, String name) {
        int r = (int) Math.round(value / multiple) * multiple;
        if (r < multiple) {
            throw new IllegalArgumentException(name + ": the counts leave no room for an MLP in the default shape");
        }
        return r;
    }

    private static void requireWithin(String name, String what, double target, long counted) {
        if (Math.abs(counted - target) > 0.02 * target) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: the default shape has %d %s parameters, more than 2 %% from the requested %.4g", name, counted,
                    what, target));
        }
    }

    /**
     * Name fragments (lower case) of public model families whose architecture a {@link ModelConfig} cannot
     * represent, with the reason; matched against a Hugging Face id's model name. They mirror the
     * {@code model_type}s {@link HuggingFaceConfig} refuses, for callers that have only an id (an ML.ENERGY file).
     */
    private static final Map<String, String> UNREPRESENTABLE_NAMES = new LinkedHashMap<>();

    static {
        UNREPRESENTABLE_NAMES.put("phi-3-small", "block-sparse attention (local blocks plus a vertical stride)");
        UNREPRESENTABLE_NAMES.put("jamba", "a Mamba (state-space) / attention hybrid");
        UNREPRESENTABLE_NAMES.put("mamba", "a Mamba state-space model");
        UNREPRESENTABLE_NAMES.put("nemotron-h", "a Mamba-2 / attention hybrid");
        UNREPRESENTABLE_NAMES.put("falcon-h1", "a Mamba-2 / attention hybrid");
        UNREPRESENTABLE_NAMES.put("zamba", "a Mamba / shared-attention hybrid");
        UNREPRESENTABLE_NAMES.put("granite-4.0-h", "a Mamba-2 / attention hybrid");
        UNREPRESENTABLE_NAMES.put("qwen3-next", "a Gated DeltaNet (linear attention) / attention hybrid");
        UNREPRESENTABLE_NAMES.put("minimax", "a lightning (linear) attention / softmax attention hybrid");
        UNREPRESENTABLE_NAMES.put("recurrentgemma", "a Griffin recurrent / local-attention hybrid");
        UNREPRESENTABLE_NAMES.put("rwkv", "an RNN (linear attention) model");
    }

    /**
     * Whether a Hugging Face id names a model whose architecture cannot be represented, so that a caller with only
     * parameter counts refuses it instead of pricing it as a default transformer
     * ({@link #fromParameterCount(double, OptionalDouble)}). A preset always wins.
     *
     * @param huggingFaceId an id such as {@code "ai21labs/AI21-Jamba-Mini-1.6"}
     * @return the reason, or empty when nothing is known against it
     */
    public static Optional<String> unrepresentable(String huggingFaceId) {
        if (huggingFaceId == null || forModelId(huggingFaceId).isPresent()) return Optional.empty();
        String id = huggingFaceId.toLowerCase(Locale.ROOT);
        String model = id.substring(id.indexOf('/') + 1);
        for (Map.Entry<String, String> e : UNREPRESENTABLE_NAMES.entrySet()) {
            if (model.contains(e.getKey())) return Optional.of(huggingFaceId + " is " + e.getValue());
        }
        return Optional.empty();
    }

    /**
     * Resolves what a user passes as a model: a preset name ({@code llama-3.1-8b}), a Hugging Face id in the
     * {@link #forModelId(String)} table ({@code Qwen/Qwen3-8B}), or the path of a {@code config.json} or of a
     * directory holding one (read by {@link HuggingFaceConfig}, which refuses unrepresentable architectures).
     *
     * @param model the argument
     * @return the shape
     * @throws IllegalArgumentException naming the known presets when it is none of these, or the config's problem
     */
    public static ModelConfig resolve(String model) {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model is missing");
        ModelConfig preset = PRESETS.get(model.trim());
        if (preset != null) return preset;
        Optional<ModelConfig> byId = forModelId(model);
        if (byId.isPresent()) return byId.get();
        java.nio.file.Path path = java.nio.file.Path.of(model.trim());
        if (java.nio.file.Files.exists(path)) return HuggingFaceConfig.read(path);
        throw new IllegalArgumentException("model '" + model + "' is neither a preset " + names()
                + ", a known Hugging Face id, nor an existing config.json or checkpoint directory");
    }

    /**
     * Reads a parameter count as users write it: {@code 70B}, {@code 17.5b}, {@code 350M}, {@code 1.2T} or a plain
     * number of parameters.
     *
     * @param text the count
     * @return parameters (not billions)
     * @throws IllegalArgumentException when the text is not a positive count
     */
    public static double parseParameterCount(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("parameter count is missing");
        String t = text.trim().toUpperCase(Locale.ROOT);
        double scale = switch (t.charAt(t.length() - 1)) {
            case 'K' -> 1e3;
            case 'M' -> 1e6;
            case 'B' -> 1e9;
            case 'T' -> 1e12;
            default -> 1;
        };
        String number = scale == 1 ? t : t.substring(0, t.length() - 1);
        double v;
        try {
            v = Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter count '" + text + "' is not a number with an optional "
                    + "K/M/B/T suffix (for example 70B)");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("parameter count '" + text + "' must be positive");
        }
        return v * scale;
    }

    /** @return every preset name, in a stable order */
    public static List<String> names() { return List.copyOf(PRESETS.keySet()); }
}
