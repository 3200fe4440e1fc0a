package org.llmenergy.model;

/**
 * Llama-3 rotary-frequency scaling ({@code rope_scaling} with {@code rope_type: "llama3"} in a Hugging Face
 * config).
 *
 * @param factor                 scale applied to low frequencies (8 for Llama-3.1, 32 for Llama-3.2)
 * @param lowFreqFactor          low-frequency threshold factor (wavelengths above {@code originalMaxPositions / lowFreqFactor} are scaled)
 * @param highFreqFactor         high-frequency threshold factor (wavelengths below {@code originalMaxPositions / highFreqFactor} are kept)
 * @param originalMaxPositions   the context length the model was pre-trained with, in tokens (8192)
 */
public record RopeScaling(double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositions) {
    /** Llama-3.1's scaling: factor 8, low 1, high 4, original context 8192. */
    public static final RopeScaling LLAMA_3_1 = new RopeScaling(8, 1, 4, 8192);
    /** Llama-3.2's scaling: factor 32, low 1, high 4, original context 8192. */
    public static final RopeScaling LLAMA_3_2 = new RopeScaling(32, 1, 4, 8192);
}
