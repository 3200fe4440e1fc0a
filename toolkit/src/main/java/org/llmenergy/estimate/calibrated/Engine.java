package org.llmenergy.estimate.calibrated;

import java.util.Locale;

/** The serving engine a configuration runs on. */
public enum Engine {
    /** vLLM (paged attention, CUDA graphs, chunked prefill): what the calibration data measured. */
    VLLM("vllm"),
    /** Hugging Face transformers in eager mode: no public measurements in the calibration data. */
    HF_EAGER("hf-eager");

    private final String label;

    Engine(String label) { this.label = label; }

    /** @return the CLI spelling */
    public String label() { return label; }

    /** @return the engine of a CLI spelling */
    public static Engine parse(String text) {
        for (Engine e : values()) if (e.label.equals(text.toLowerCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException("unknown engine '" + text + "'; known: vllm, hf-eager");
    }
}
