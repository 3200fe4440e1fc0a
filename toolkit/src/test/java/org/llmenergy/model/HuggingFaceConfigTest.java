package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertMessage(LLAMA_31_8B.replace("\"llama\"", "\"mistral\""), "field 'model_type'", "'mistral' is not supported");
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
}
