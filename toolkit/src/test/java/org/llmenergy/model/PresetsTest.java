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
        assertThrows(IllegalArgumentException.class, () -> new ModelConfig("bad", Family.LLAMA, 10, 8, 1, 3, 2, 4,
                16, 16, 1e4, null, 1e-5, true, false, 0, 0));
    }
}
