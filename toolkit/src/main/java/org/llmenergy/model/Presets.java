package org.llmenergy.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named architecture presets. The large ones copy the shapes of the public Hugging Face configs of the
 * paper's models; the small ones ({@code tiny-15m}, {@code small-100m}) run quickly on a 2-core CPU.
 */
public final class Presets {
    private static final Map<String, ModelConfig> PRESETS = new LinkedHashMap<>();

    static {
        // meta-llama/Llama-3.1-8B config.json
        add(new ModelConfig("llama-3.1-8b", Family.LLAMA, 128256, 4096, 32, 32, 8, 128, 14336, 131072,
                500000, RopeScaling.LLAMA_3_1, 1e-5, false, false, 0, 0));
        // meta-llama/Llama-3.2-1B config.json
        add(new ModelConfig("llama-3.2-1b", Family.LLAMA, 128256, 2048, 16, 32, 8, 64, 8192, 131072,
                500000, RopeScaling.LLAMA_3_2, 1e-5, true, false, 0, 0));
        // meta-llama/Llama-3.2-3B config.json
        add(new ModelConfig("llama-3.2-3b", Family.LLAMA, 128256, 3072, 28, 24, 8, 128, 8192, 131072,
                500000, RopeScaling.LLAMA_3_2, 1e-5, true, false, 0, 0));
        // deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B config.json (Qwen2 architecture)
        add(new ModelConfig("deepseek-r1-distill-qwen-1.5b", Family.QWEN2, 151936, 1536, 28, 12, 2, 128, 8960,
                131072, 10000, null, 1e-6, false, true, 0, 0));
        // deepseek-ai/DeepSeek-R1-Distill-Qwen-32B config.json
        add(new ModelConfig("deepseek-r1-distill-qwen-32b", Family.QWEN2, 152064, 5120, 64, 40, 8, 128, 27648,
                131072, 1000000, null, 1e-5, false, true, 0, 0));
        // allenai/OLMo-1B-hf config.json
        add(new ModelConfig("olmo-1b", Family.OLMO, 50304, 2048, 16, 16, 16, 128, 8192, 2048,
                10000, null, 1e-5, true, false, 0, 0));
        // allenai/OLMo-7B-hf config.json
        add(new ModelConfig("olmo-7b", Family.OLMO, 50304, 4096, 32, 32, 32, 128, 11008, 2048,
                10000, null, 1e-5, false, false, 0, 0));
        // allenai/OLMoE-1B-7B-0924 config.json: 64 experts, top-8 (shape only; the DJL model runs dense models)
        add(new ModelConfig("olmoe-1b-7b", Family.OLMO, 50304, 2048, 16, 16, 16, 128, 1024, 4096,
                10000, null, 1e-5, false, false, 64, 8));
        // Small Llama-shaped presets (the llama2.c "stories" shapes) for CPU runs and tests.
        add(new ModelConfig("tiny-15m", Family.LLAMA, 32000, 288, 6, 6, 6, 48, 768, 1024,
                10000, null, 1e-5, true, false, 0, 0));
        add(new ModelConfig("small-100m", Family.LLAMA, 32000, 768, 12, 12, 4, 64, 2048, 2048,
                10000, null, 1e-5, true, false, 0, 0));
    }

    private Presets() {}

    private static void add(ModelConfig c) { PRESETS.put(c.name(), c); }

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

    /** @return every preset name, in a stable order */
    public static List<String> names() { return List.copyOf(PRESETS.keySet()); }
}
