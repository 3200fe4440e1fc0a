package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HuggingFaceConfigTest {
    /** meta-llama/Llama-3.1-8B config.json as published on the Hub (transformers 4.x spelling). */
    static final String LLAMA_31_8B = """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 128000, "eos_token_id": 128001, "hidden_act": "silu", "hidden_size": 4096,
             "initializer_range": 0.02, "intermediate_size": 14336, "max_position_embeddings": 131072,
             "mlp_bias": false, "model_type": "llama", "num_attention_heads": 32, "num_hidden_layers": 32,
             "num_key_value_heads": 8, "pretraining_tp": 1, "rms_norm_eps": 1e-05,
             "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                              "original_max_position_embeddings": 8192, "rope_type": "llama3"},
             "rope_theta": 500000.0, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
             "transformers_version": "4.43.0.dev0", "use_cache": true, "vocab_size": 128256}
            """;

    /** deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B config.json as published on the Hub. */
    static final String QWEN_15B = """
            {"architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643,
             "eos_token_id": 151643, "hidden_act": "silu", "hidden_size": 1536, "initializer_range": 0.02,
             "intermediate_size": 8960, "max_position_embeddings": 131072, "max_window_layers": 21,
             "model_type": "qwen2", "num_attention_heads": 12, "num_hidden_layers": 28, "num_key_value_heads": 2,
             "rms_norm_eps": 1e-06, "rope_theta": 10000, "sliding_window": 4096, "tie_word_embeddings": false,
             "torch_dtype": "bfloat16", "transformers_version": "4.44.0", "use_cache": true, "use_mrope": false,
             "use_sliding_window": false, "vocab_size": 151936}
            """;

    @Test
    void hubConfigsGiveThePresetShapes() {
        assertEquals(Presets.get("llama-3.1-8b"), HuggingFaceConfig.parse(LLAMA_31_8B, "t", "llama-3.1-8b"));
        assertEquals(Presets.get("deepseek-r1-distill-qwen-1.5b"),
                HuggingFaceConfig.parse(QWEN_15B, "t", "deepseek-r1-distill-qwen-1.5b"));
    }

    @Test
    void readsTransformers5RopeParameters() throws URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden/tiny-llama").toURI());
        ModelConfig c = HuggingFaceConfig.read(dir);
        assertEquals("tiny-llama", c.name());
        assertEquals(Family.LLAMA, c.family());
        assertEquals(new RopeScaling(8, 1, 4, 32), c.ropeScaling());
        assertEquals(10000.0, c.ropeTheta());
        assertEquals(16, c.headDim());
        assertEquals(2, c.numKvHeads());
        ModelConfig olmo = HuggingFaceConfig.read(Path.of(getClass().getResource("/golden/tiny-olmo/config.json").toURI()));
        assertEquals(Family.OLMO, olmo.family());
        assertNull(olmo.ropeScaling());
        assertEquals(1e-5, olmo.normEps());
        ModelConfig qwen = HuggingFaceConfig.read(Path.of(getClass().getResource("/golden/tiny-qwen2").toURI()));
        assertTrue(qwen.qkvBias() && qwen.tieEmbeddings());
    }

    @Test
    void refusesWhatTheTransformerDoesNotImplement() {
        assertMessage(LLAMA_31_8B.replace("\"llama\"", "\"baichuan\""), "field 'model_type'", "'baichuan' is not supported");
        assertMessage(LLAMA_31_8B.replace("\"mlp_bias\": false", "\"mlp_bias\": true"), "field 'mlp_bias'", "not supported");
        assertMessage(LLAMA_31_8B.replace("\"silu\"", "\"gelu\""), "field 'hidden_act'", "'gelu'");
        assertMessage(LLAMA_31_8B.replace("\"llama3\"", "\"yarn\""), "rope_scaling.rope_type", "'yarn'");
        assertMessage(QWEN_15B.replace("\"use_sliding_window\": false", "\"use_sliding_window\": true"),
                "field 'use_sliding_window'", "not supported");
    }

    @Test
    void badValuesNameTheFieldAndBadJsonTheLineAndColumn() {
        assertMessage(LLAMA_31_8B.replace("\"hidden_size\": 4096", "\"hidden_size\": \"4096\""),
                "field 'hidden_size'", "expected an integer");
        assertMessage(LLAMA_31_8B.replace("\"vocab_size\": 128256", "\"vocab\": 128256"), "field 'vocab_size'", "missing");
        assertMessage(LLAMA_31_8B.replace("\"num_key_value_heads\": 8", "\"num_key_value_heads\": 5"), "multiple of numKvHeads", "");
        assertMessage("{\n  \"model_type\": \"llama\",\n  \"hidden_size\": 4096,,\n}", "line 3", "not valid JSON");
    }

    private static void assertMessage(String json, String where, String what) {
        var e = assertThrows(IllegalArgumentException.class, () -> HuggingFaceConfig.parse(json, "cfg/config.json", "m"));
        assertTrue(e.getMessage().startsWith("cfg/config.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }

    /** Self-made fixtures with the fields of the public configs (test resources hf-configs/), each against its preset. */
    @Test
    void analyticFamiliesGiveThePresetShapes() throws Exception {
        String[][] fixtureToPreset = {
            {"qwen3-8b", "qwen3-8b"},
            {"qwen3-30b-a3b", "qwen3-30b-a3b"},
            {"deepseek-v3", "deepseek-v3.1"},
            {"gemma-3-27b-it", "gemma-3-27b"},
            {"gemma-2-9b-it", "gemma-2-9b"},
            {"mistral-7b-v0.3", "mistral-7b-v0.3"},
            {"mixtral-8x7b", "mixtral-8x7b"},
            {"gpt-oss-20b", "gpt-oss-20b"},
            {"phi-3-mini-4k", "phi-3-mini"},
            {"starcoder2-3b", "starcoder2-3b"},
        };
        for (String[] pair : fixtureToPreset) {
            ModelConfig parsed = HuggingFaceConfig.parse(fixture(pair[0]), pair[0] + ".json", pair[1]);
            assertEquals(Presets.get(pair[1]), parsed, pair[0]);
        }
    }

    @Test
    void nestedTextConfigAndLayerTypesAreRead() throws Exception {
        ModelConfig gemma3 = HuggingFaceConfig.parse(fixture("gemma-3-27b-it"), "g.json", "g");
        assertEquals(Family.GEMMA3, gemma3.family());
        assertEquals(262208, gemma3.vocabSize(), "Gemma3TextConfig's default when text_config omits it");
        assertEquals(SlidingWindow.withGlobalEvery(1024, 6), gemma3.slidingWindow());
        String oss = fixture("gpt-oss-20b");
        String broken = oss.replaceFirst("\"full_attention\", \"sliding_attention\"", "\"sliding_attention\", \"sliding_attention\"");
        assertMessage(broken, "field 'layer_types'", "not periodic");
        assertMessage(oss.replace("\"num_hidden_layers\": 24", "\"num_hidden_layers\": 23"), "field 'layer_types'",
                "num_hidden_layers is 23");
        assertMessage(fixture("gemma-3-27b-it").replace("\"hidden_size\": 5376", "\"hidden_size\": \"wide\""),
                "field 'text_config.hidden_size'", "expected an integer");
    }

    @Test
    void hybridsAndLinearAttentionAreRefusedWithTheReason() throws Exception {
        assertMessage(fixture("jamba-mini"), "field 'model_type'", "Mamba");
        assertMessage(fixture("nemotron-h"), "field 'architectures'", "NemotronHForCausalLM");
        assertMessage(fixture("qwen3-8b").replace("\"qwen3\"", "\"qwen3_next\""), "field 'model_type'", "linear attention");
        assertMessage(fixture("qwen3-8b").replace("\"qwen3\"", "\"phi3small\""), "field 'model_type'", "block-sparse");
        assertMessage(fixture("qwen3-30b-a3b").replace("\"decoder_sparse_step\": 1", "\"decoder_sparse_step\": 2"),
                "field 'decoder_sparse_step'", "not represented");
        assertMessage(fixture("qwen3-30b-a3b").replace("\"mlp_only_layers\": []", "\"mlp_only_layers\": [0]"),
                "field 'mlp_only_layers'", "not represented");
    }

    @Test
    void mistralWindowIsOnEveryLayerUnlessNullOrAsLongAsTheContext() throws Exception {
        String v03 = fixture("mistral-7b-v0.3");
        assertFalse(HuggingFaceConfig.parse(v03, "m", "m").slidingWindow().present());
        ModelConfig v01 = HuggingFaceConfig.parse(v03.replace("\"sliding_window\": null", "\"sliding_window\": 4096"), "m", "m");
        assertEquals(SlidingWindow.everyLayer(4096), v01.slidingWindow());
        ModelConfig longWindow = HuggingFaceConfig.parse(v03.replace("\"sliding_window\": null", "\"sliding_window\": 32768"), "m", "m");
        assertFalse(longWindow.slidingWindow().present());
    }

    private String fixture(String name) throws Exception {
        return java.nio.file.Files.readString(Path.of(getClass().getResource("/hf-configs/" + name + ".json").toURI()));
    }
}
