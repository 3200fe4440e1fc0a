package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PresetsTest {
    /** Published parameter counts: Llama-3.1-8B 8.03 B, Llama-3.2-1B 1.24 B, OLMo-7B 6.89 B, Qwen-32B 32.8 B. */
    @Test
    void parameterCountsMatchPublishedSizes() {
        assertEquals(8.03e9, Presets.get("llama-3.1-8b").parameterCount(), 0.01e9);
        assertEquals(1.24e9, Presets.get("llama-3.2-1b").parameterCount(), 0.01e9);
        assertEquals(3.21e9, Presets.get("llama-3.2-3b").parameterCount(), 0.01e9);
        assertEquals(1.78e9, Presets.get("deepseek-r1-distill-qwen-1.5b").parameterCount(), 0.01e9);
        assertEquals(32.76e9, Presets.get("deepseek-r1-distill-qwen-32b").parameterCount(), 0.05e9);
        assertEquals(6.89e9, Presets.get("olmo-7b").parameterCount(), 0.02e9);
        assertEquals(1.18e9, Presets.get("olmo-1b").parameterCount(), 0.01e9);
        assertEquals(6.92e9, Presets.get("olmoe-1b-7b").parameterCount(), 0.03e9);
    }

    /**
     * Published totals, within 2 %: Llama 3.1 model card (2024) 8.03 B / 70.6 B / 405.9 B (Hub safetensors
     * totals); Qwen3 technical report (Qwen team, 2025) and model cards: 8.2 B, 14.8 B, 30.5 B, 235 B;
     * DeepSeek-V3 technical report (DeepSeek-AI, 2024): 671 B; Gemma 3 technical report (Google, 2025): 27 B
     * (the text decoder, the 0.4 B vision encoder left out).
     */
    @Test
    void totalsMatchPublishedCounts() {
        assertWithin(8.03e9, Presets.get("llama-3.1-8b").parameterCount());
        assertWithin(70.6e9, Presets.get("llama-3.1-70b").parameterCount());
        assertWithin(405.9e9, Presets.get("llama-3.1-405b").parameterCount());
        assertWithin(8.19e9, Presets.get("qwen3-8b").parameterCount());
        assertWithin(14.8e9, Presets.get("qwen3-14b").parameterCount());
        assertWithin(30.5e9, Presets.get("qwen3-30b-a3b").parameterCount());
        assertWithin(235e9, Presets.get("qwen3-235b-a22b").parameterCount());
        assertWithin(671e9, Presets.get("deepseek-v3.1").parameterCount());
        assertWithin(27e9, Presets.get("gemma-3-27b").parameterCount());
    }

    /**
     * Published activated counts. Qwen's 3.3 B and 22 B include the input embedding, so it is added here;
     * DeepSeek-V3's weights README (DeepSeek-AI, 2024) gives 36.6 B activated "including 0.9 B for the output head"
     * and no embedding, which is exactly {@link ModelConfig#activeParameterCount()}.
     */
    @Test
    void activeCountsMatchPublishedCounts() {
        ModelConfig a3b = Presets.get("qwen3-30b-a3b");
        assertWithin(3.3e9, a3b.activeParameterCount() + a3b.embeddingParameters());
        ModelConfig a22b = Presets.get("qwen3-235b-a22b");
        assertWithin(22e9, a22b.activeParameterCount() + a22b.embeddingParameters());
        assertWithin(36.6e9, Presets.get("deepseek-v3.1").activeParameterCount());
        ModelConfig dense = Presets.get("llama-3.1-70b");
        assertEquals(dense.parameterCount() - dense.embeddingParameters(), dense.activeParameterCount(),
                "a dense untied model multiplies everything but the embedding table");
    }

    /**
     * The ML.ENERGY v2 models and gpt-oss against published totals (Hugging Face Hub safetensors parameter counts of
     * each repository, 2024-2025; Gemma 2 report, Google 2024; gpt-oss model card, OpenAI 2025: 20.9 B / 3.6 B and
     * 116.8 B / 5.1 B active; Mixtral of Experts, Jiang et al. 2024: 46.7 B / 12.9 B; Mistral: 8x22B 141 B / 39 B).
     */
    @Test
    void v2AndGptOssTotalsMatchPublishedCounts() {
        assertWithin(2.61e9, Presets.get("gemma-2-2b").parameterCount());
        assertWithin(9.24e9, Presets.get("gemma-2-9b").parameterCount());
        assertWithin(27.2e9, Presets.get("gemma-2-27b").parameterCount());
        assertWithin(2.51e9, Presets.get("codegemma-2b").parameterCount());
        assertWithin(8.54e9, Presets.get("codegemma-7b").parameterCount());
        assertWithin(3.82e9, Presets.get("phi-3-mini").parameterCount());
        assertWithin(13.96e9, Presets.get("phi-3-medium").parameterCount());
        assertWithin(7.25e9, Presets.get("mistral-7b-v0.3").parameterCount());
        assertWithin(12.2e9, Presets.get("mistral-nemo-12b").parameterCount());
        assertWithin(123e9, Presets.get("mistral-large-2407").parameterCount());
        assertWithin(46.7e9, Presets.get("mixtral-8x7b").parameterCount());
        assertWithin(141e9, Presets.get("mixtral-8x22b").parameterCount());
        assertWithin(3.03e9, Presets.get("starcoder2-3b").parameterCount());
        assertWithin(7.17e9, Presets.get("starcoder2-7b").parameterCount());
        assertWithin(15.96e9, Presets.get("starcoder2-15b").parameterCount());
        assertWithin(6.74e9, Presets.get("codellama-7b").parameterCount());
        assertWithin(13.0e9, Presets.get("codellama-13b").parameterCount());
        assertWithin(33.7e9, Presets.get("codellama-34b").parameterCount());
        assertWithin(69.0e9, Presets.get("codellama-70b").parameterCount());
        assertWithin(20.9e9, Presets.get("gpt-oss-20b").parameterCount());
        assertWithin(116.8e9, Presets.get("gpt-oss-120b").parameterCount());
        // activated: Mistral's figures include the embedding table, OpenAI's do not
        ModelConfig m7 = Presets.get("mixtral-8x7b");
        assertWithin(12.9e9, m7.activeParameterCount() + m7.embeddingParameters());
        ModelConfig m22 = Presets.get("mixtral-8x22b");
        assertWithin(39e9, m22.activeParameterCount() + m22.embeddingParameters());
        assertWithin(3.6e9, Presets.get("gpt-oss-20b").activeParameterCount());
        assertWithin(5.1e9, Presets.get("gpt-oss-120b").activeParameterCount());
    }

    /** Every model folder of the ML.ENERGY v2 mirror (leaderboard-v2 chat and code) except Phi-3-small. */
    @Test
    void everyV2ModelIdHasAPresetButPhi3Small() {
        String[] ids = {"bigcode/starcoder2-15b", "bigcode/starcoder2-3b", "bigcode/starcoder2-7b",
            "codellama/CodeLlama-13b-hf", "codellama/CodeLlama-34b-hf", "codellama/CodeLlama-70b-hf",
            "codellama/CodeLlama-7b-hf", "google/codegemma-1.1-2b", "google/codegemma-7b", "google/gemma-2-27b-it",
            "google/gemma-2-2b-it", "google/gemma-2-9b-it", "meta-llama/Meta-Llama-3.1-405B-Instruct",
            "meta-llama/Meta-Llama-3.1-70B-Instruct", "meta-llama/Meta-Llama-3.1-8B-Instruct",
            "microsoft/Phi-3-medium-4k-instruct", "microsoft/Phi-3-mini-4k-instruct",
            "mistralai/Mistral-7B-Instruct-v0.3", "mistralai/Mistral-Large-Instruct-2407",
            "mistralai/Mistral-Nemo-Instruct-2407", "mistralai/Mixtral-8x22B-Instruct-v0.1",
            "mistralai/Mixtral-8x7B-Instruct-v0.1"};
        for (String id : ids) assertTrue(Presets.forModelId(id).isPresent(), id);
        assertTrue(Presets.forModelId("microsoft/Phi-3-small-8k-instruct").isEmpty(), "block-sparse attention is refused");
        assertEquals("mixtral-8x22b", Presets.forModelId("mistralai/Mixtral-8x22B-Instruct-v0.1").orElseThrow().name());
    }

    @Test
    void defaultShapeMatchesRequestedCounts() {
        for (double total : new double[] {0.3e9, 1e9, 3e9, 8e9, 14e9, 32e9, 70e9, 123e9, 405e9, 1e12}) {
            ModelConfig c = Presets.fromParameterCount(total, java.util.OptionalDouble.empty());
            assertWithin(total, c.parameterCount());
            assertFalse(c.isMoe(), c.name());
            assertEquals(128, c.headDim());
            assertEquals(0, c.numHeads() % c.numKvHeads(), c.name());
        }
        ModelConfig like8b = Presets.fromParameterCount(8.03e9, java.util.OptionalDouble.of(8.03e9));
        assertFalse(like8b.isMoe(), "active = total is a dense model");
        assertEquals(Presets.DEFAULT_VOCAB, like8b.vocabSize());
        double[][] moe = {{30.5e9, 3.0e9}, {235e9, 21.5e9}, {46.7e9, 12.8e9}, {671e9, 36.6e9}, {117e9, 5.1e9}, {20e9, 9e9}};
        for (double[] ta : moe) {
            ModelConfig c = Presets.fromParameterCount(ta[0], java.util.OptionalDouble.of(ta[1]));
            assertTrue(c.isMoe(), c.name());
            assertWithin(ta[0], c.parameterCount());
            assertWithin(ta[1], c.activeParameterCount());
            assertTrue(c.numExperts() >= 64 && c.expertsPerToken() >= 8, c.name());
        }
        assertEquals("default-30.5b-a3b", Presets.fromParameterCount(30.5e9, java.util.OptionalDouble.of(3e9)).name());
        assertThrows(IllegalArgumentException.class, () -> Presets.fromParameterCount(5e7, java.util.OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> Presets.fromParameterCount(8e9, java.util.OptionalDouble.of(9e9)));
        assertThrows(IllegalArgumentException.class, () -> Presets.fromParameterCount(Double.NaN, java.util.OptionalDouble.empty()));
    }

    /** The model ids of the 16 ML.ENERGY v3 calibration-split files (shared/datasets/README.md). */
    @Test
    void everyCalibrationModelIdHasAPreset() {
        String[][] idToPreset = {
            {"Qwen/Qwen3-8B", "qwen3-8b"},
            {"Qwen/Qwen3-14B", "qwen3-14b"},
            {"Qwen/Qwen3-30B-A3B-Instruct-2507", "qwen3-30b-a3b"},
            {"Qwen/Qwen3-30B-A3B-Thinking-2507", "qwen3-30b-a3b"},
            {"Qwen/Qwen3-Coder-30B-A3B-Instruct", "qwen3-30b-a3b"},
            {"Qwen/Qwen3-235B-A22B-Instruct-2507", "qwen3-235b-a22b"},
            {"Qwen/Qwen3-235B-A22B-Instruct-2507-FP8", "qwen3-235b-a22b"},
            {"deepseek-ai/DeepSeek-V3.1", "deepseek-v3.1"},
            {"google/gemma-3-27b-it", "gemma-3-27b"},
            {"meta-llama/Llama-3.1-8B-Instruct", "llama-3.1-8b"},
            {"meta-llama/Llama-3.1-70B-Instruct", "llama-3.1-70b"},
            {"meta-llama/Llama-3.1-405B-Instruct", "llama-3.1-405b"},
            {"meta-llama/Llama-3.1-405B-Instruct-FP8", "llama-3.1-405b"},
        };
        for (String[] pair : idToPreset) {
            assertEquals(pair[1], Presets.forModelId(pair[0]).map(ModelConfig::name).orElse("none"), pair[0]);
        }
        assertEquals(Presets.forModelId("meta-llama/Llama-3.1-8B-Instruct"),
                Presets.forModelId("META-LLAMA/meta-llama-3.1-8b-instruct"), "case and the Meta- prefix");
        assertTrue(Presets.forModelId("ai21labs/AI21-Jamba-Mini-1.6").isEmpty());
        assertTrue(Presets.forModelId(null).isEmpty());
    }

    @Test
    void calibrationShapesCarryTheirArchitecture() {
        ModelConfig ds = Presets.get("deepseek-v3.1");
        assertTrue(ds.isMla() && ds.isMoe());
        assertEquals(58, ds.moeLayerCount(), "61 layers, the first 3 dense");
        assertEquals(61L * (512 + 64), ds.kvCacheElementsPerToken());
        ModelConfig a3b = Presets.get("qwen3-30b-a3b");
        assertEquals(48, a3b.moeLayerCount());
        assertEquals(3L * 2048 * 768, a3b.routedExpertParameters());
        assertEquals(48L * 2 * 4 * 128, a3b.kvCacheElementsPerToken());
        assertFalse(Presets.get("llama-3.1-8b").slidingWindow().present());
    }

    private static void assertWithin(double published, long counted) {
        double rel = Math.abs(counted - published) / published;
        assertTrue(rel <= 0.02, "counted " + counted + " vs published " + published + ": " + Math.round(rel * 1000) / 10.0 + " %");
    }

    @Test
    void smallPresetsHaveTheAdvertisedSize() {
        assertEquals(15e6, Presets.get("tiny-15m").parameterCount(), 1e6);
        assertEquals(100e6, Presets.get("small-100m").parameterCount(), 5e6);
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Presets.get("gpt-5"));
        assertTrue(e.getMessage().contains("llama-3.1-8b"), e.getMessage());
    }

    @Test
    void rejectsHeadsThatDoNotGroup() {
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.builder().setName("bad").setFamily(Family.LLAMA)
                .setVocabSize(10).setHiddenSize(8)
                .setNumLayers(1).setNumHeads(3).optNumKvHeads(2).optHeadDim(4).setIntermediateSize(16)
                .optMaxPositions(16).optRopeTheta(1e4).optTieEmbeddings(true).build());
    }

    @Test
    void resolvesPresetNamesIdsAndConfigFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals("qwen3-8b", Presets.resolve("qwen3-8b").name());
        assertEquals("qwen3-235b-a22b", Presets.resolve("Qwen/Qwen3-235B-A22B-Instruct-2507-FP8").name());
        java.nio.file.Path ckpt = dir.resolve("my-qwen");
        java.nio.file.Files.createDirectories(ckpt);
        java.nio.file.Files.copy(java.nio.file.Path.of(getClass().getResource("/hf-configs/qwen3-8b.json").toURI()),
                ckpt.resolve("config.json"));
        ModelConfig fromDir = Presets.resolve(ckpt.toString());
        assertEquals("my-qwen", fromDir.name());
        assertEquals(Presets.get("qwen3-8b").parameterCount(), fromDir.parameterCount());
        var e = assertThrows(IllegalArgumentException.class, () -> Presets.resolve("gpt-5"));
        assertTrue(e.getMessage().contains("'gpt-5'") && e.getMessage().contains("llama-3.1-8b"), e.getMessage());
    }

    @Test
    void parameterCountsAsUsersWriteThem() {
        assertEquals(70e9, Presets.parseParameterCount("70B"));
        assertEquals(17.5e9, Presets.parseParameterCount("17.5b"));
        assertEquals(350e6, Presets.parseParameterCount(" 350M "));
        assertEquals(1.2e12, Presets.parseParameterCount("1.2T"), 1);
        assertEquals(8.03e9, Presets.parseParameterCount("8030000000"));
        assertThrows(IllegalArgumentException.class, () -> Presets.parseParameterCount("seventy"));
        assertThrows(IllegalArgumentException.class, () -> Presets.parseParameterCount("-3B"));
        assertThrows(IllegalArgumentException.class, () -> Presets.parseParameterCount(""));
    }

    @Test
    void idsOfUnrepresentableFamiliesCarryTheReason() {
        assertTrue(Presets.unrepresentable("microsoft/Phi-3-small-8k-instruct").orElseThrow().contains("block-sparse"));
        assertTrue(Presets.unrepresentable("ai21labs/AI21-Jamba-Mini-1.6").orElseThrow().contains("Mamba"));
        assertTrue(Presets.unrepresentable("Qwen/Qwen3-Next-80B-A3B-Instruct").orElseThrow().contains("linear attention"));
        assertTrue(Presets.unrepresentable("Qwen/Qwen3-8B").isEmpty(), "a preset is representable");
        assertTrue(Presets.unrepresentable("someone/Llama-3-finetune").isEmpty());
        assertTrue(Presets.unrepresentable(null).isEmpty());
    }
}
