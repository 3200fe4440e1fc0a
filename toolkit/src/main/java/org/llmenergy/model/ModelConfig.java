package org.llmenergy.model;

import java.util.Objects;

/**
 * The shape of a decoder-only transformer: everything that decides compute, memory and therefore energy.
 * Weight values are not part of it.
 *
 * @param name              preset or checkpoint name
 * @param family            architecture family
 * @param vocabSize         vocabulary size, in tokens
 * @param hiddenSize        model width d
 * @param numLayers         decoder layers
 * @param numHeads          query heads
 * @param numKvHeads        key/value heads (grouped-query attention when fewer than {@code numHeads})
 * @param headDim           per-head dimension (usually {@code hiddenSize / numHeads})
 * @param intermediateSize  SwiGLU inner width (per expert for mixture-of-experts models)
 * @param maxPositions      maximum context, in tokens
 * @param ropeTheta         rotary base
 * @param ropeScaling       Llama-3 rotary scaling, or null
 * @param normEps           epsilon of RMSNorm / layer norm
 * @param tieEmbeddings     true when the LM head shares the input embedding matrix
 * @param qkvBias           true when Q, K and V projections have a bias (Qwen2)
 * @param numExperts        experts per layer for a mixture-of-experts model, 0 for a dense model
 * @param expertsPerToken   experts each token is routed to (top-k), 0 for a dense model
 */
public record ModelConfig(
        String name,
        Family family,
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        int intermediateSize,
        int maxPositions,
        double ropeTheta,
        RopeScaling ropeScaling,
        double normEps,
        boolean tieEmbeddings,
        boolean qkvBias,
        int numExperts,
        int expertsPerToken) {

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        requirePositive("vocabSize", vocabSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("numLayers", numLayers);
        requirePositive("numHeads", numHeads);
        requirePositive("numKvHeads", numKvHeads);
        requirePositive("headDim", headDim);
        requirePositive("intermediateSize", intermediateSize);
        requirePositive("maxPositions", maxPositions);
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException(name + ": numHeads (" + numHeads
                    + ") must be a multiple of numKvHeads (" + numKvHeads + ")");
        }
        if (numExperts < 0 || expertsPerToken < 0 || expertsPerToken > numExperts) {
            throw new IllegalArgumentException(name + ": need 0 <= expertsPerToken <= numExperts, got "
                    + expertsPerToken + " of " + numExperts);
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) throw new IllegalArgumentException("model config field " + field + " must be > 0, got " + value);
    }

    /** @return true for a mixture-of-experts model */
    public boolean isMoe() { return numExperts > 0; }

    /** @return the width of the K (or V) projection output: {@code numKvHeads * headDim} */
    public int kvDim() { return numKvHeads * headDim; }

    /**
     * Parameter count, embeddings and LM head included (the head once when tied). For a mixture-of-experts
     * model this is the total, not the active, count.
     *
     * @return number of parameters
     */
    public long parameterCount() {
        long d = hiddenSize;
        long q = (long) numHeads * headDim;
        long kv = kvDim();
        long attn = d * q + 2 * d * kv + q * d + (qkvBias ? q + 2 * kv : 0);
        long mlpOne = 3L * d * intermediateSize;
        long mlp = isMoe() ? numExperts * mlpOne + d * numExperts : mlpOne;
        long norms = family == Family.OLMO ? 0 : 2 * d;
        long perLayer = attn + mlp + norms;
        long embed = (long) vocabSize * d;
        long head = tieEmbeddings ? 0 : embed;
        long finalNorm = family == Family.OLMO ? 0 : d;
        return numLayers * perLayer + embed + head + finalNorm;
    }
}
