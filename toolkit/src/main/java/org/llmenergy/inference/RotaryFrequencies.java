package org.llmenergy.inference;

import org.llmenergy.model.RopeScaling;

/**
 * Rotary-embedding inverse frequencies, with Llama-3's frequency scaling when the config has one.
 *
 * <p>Follows Meta's reference (llama-models, {@code apply_scaling}) as transformers implements it in
 * {@code _compute_llama3_parameters}: wavelengths above {@code originalMaxPositions / lowFreqFactor} are divided
 * by {@code factor}, those below {@code originalMaxPositions / highFreqFactor} are kept, and those in between are
 * interpolated smoothly.
 */
final class RotaryFrequencies {
    private RotaryFrequencies() {}

    /**
     * @param headDim per-head dimension (even)
     * @param theta   rotary base
     * @param scaling Llama-3 scaling, or null
     * @return {@code headDim / 2} inverse frequencies, radians per position
     */
    static double[] inverseFrequencies(int headDim, double theta, RopeScaling scaling) {
        if (headDim % 2 != 0) throw new IllegalArgumentException("rotary head dimension must be even, got " + headDim);
        double[] inv = new double[headDim / 2];
        for (int i = 0; i < inv.length; i++) {
            // transformers evaluates theta^(2i/d) in float32; the float cast keeps the same inputs.
            inv[i] = 1.0 / Math.pow(theta, (float) (2 * i) / (float) headDim);
        }
        if (scaling == null) return inv;
        double lowWavelen = scaling.originalMaxPositions() / scaling.lowFreqFactor();
        double highWavelen = scaling.originalMaxPositions() / scaling.highFreqFactor();
        for (int i = 0; i < inv.length; i++) {
            double wavelen = 2 * Math.PI / inv[i];
            if (wavelen > lowWavelen) {
                inv[i] = inv[i] / scaling.factor();
            } else if (wavelen >= highWavelen) {
                double smooth = (scaling.originalMaxPositions() / wavelen - scaling.lowFreqFactor())
                        / (scaling.highFreqFactor() - scaling.lowFreqFactor());
                inv[i] = (1 - smooth) * inv[i] / scaling.factor() + smooth * inv[i];
            }
        }
        return inv;
    }
}
