package org.llmenergy.model;

import java.util.Objects;

/**
 * The shape of a decoder-only transformer: everything that decides compute, memory and therefore energy.
 * Weight values are not part of it, nor is the checkpoint's number format (see {@link Precision}).
 *
 * <p>Build one with {@link #builder()}; the canonical constructor stays for code that already has every field.
 * Besides dense grouped-query attention it describes mixture-of-experts layers (routed and shared experts, leading
 * dense layers), DeepSeek's multi-head latent attention (MLA) and sliding-window attention.
 *
 * <h2>Parameter counting</h2>
 * Per decoder layer: attention ({@link #attentionParametersPerLayer()}), {@code family().normVectorsPerLayer()}
 * normalisation vectors of width d, and either a dense MLP ({@link #denseMlpParameters()}) or a
 * mixture-of-experts block: {@code numExperts} routed experts ({@link #routedExpertParameters()} each),
 * {@code sharedExperts} always-on experts of the same width, and a router. Then the input embedding, the LM head
 * (once when tied) and the final norm. Gated MLPs (SwiGLU/GeGLU) have three matrices d x f, ungated ones
 * (StarCoder2) two.
 *
 * @param name                preset or checkpoint name
 * @param family              architecture family
 * @param vocabSize           vocabulary size, in tokens
 * @param hiddenSize          model width d
 * @param numLayers           decoder layers
 * @param numHeads            query heads
 * @param numKvHeads          key/value heads (grouped-query attention when fewer than {@code numHeads}; equal to
 *                            {@code numHeads} for MLA)
 * @param headDim             per-head query/key dimension (usually {@code hiddenSize / numHeads}; for MLA
 *                            {@code qkNopeHeadDim + qkRopeHeadDim})
 * @param intermediateSize    inner width of a dense-layer MLP
 * @param maxPositions        maximum context, in tokens
 * @param ropeTheta           rotary base
 * @param ropeScaling         Llama-3 rotary scaling, or null (also null for scalings only the analytic models
 *                            describe, such as YaRN or linear: they do not change FLOPs or bytes)
 * @param normEps             epsilon of RMSNorm / layer norm
 * @param tieEmbeddings       true when the LM head shares the input embedding matrix
 * @param qkvBias             true when Q, K and V projections have a bias (Qwen2; also StarCoder2 and gpt-oss,
 *                            whose output projection has one too)
 * @param numExperts          routed experts per mixture-of-experts layer, 0 for a dense model
 * @param expertsPerToken     routed experts each token goes to (top-k), 0 for a dense model
 * @param sharedExperts       always-on experts per mixture-of-experts layer (DeepSeek's n_shared_experts), 0 if none
 * @param moeIntermediateSize inner width of one expert's MLP; 0 for a dense model
 * @param firstDenseLayers    leading layers that keep a dense MLP (DeepSeek's first_k_dense_replace), 0 elsewhere
 * @param moeLayerEvery       from {@code firstDenseLayers} on, layer i is a mixture-of-experts layer when
 *                            {@code i % moeLayerEvery == 0} (1 for Mixtral, Qwen3-MoE, DeepSeek-V3)
 * @param kvLoraRank          MLA: rank of the compressed key/value latent (what the KV cache stores), 0 when not MLA
 * @param qLoraRank           MLA: rank of the compressed query, 0 when queries are projected directly
 * @param qkRopeHeadDim       MLA: rotary part of each query/key head (shared by all heads for keys), 0 when not MLA
 * @param qkNopeHeadDim       MLA: non-rotary part of each query/key head, 0 when not MLA
 * @param vHeadDim            MLA: value head dimension, 0 when not MLA
 * @param slidingWindow       which layers attend only a recent window, {@link SlidingWindow#NONE} when none
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
        int expertsPerToken,
        int sharedExperts,
        int moeIntermediateSize,
        int firstDenseLayers,
        int moeLayerEvery,
        int kvLoraRank,
        int qLoraRank,
        int qkRopeHeadDim,
        int qkNopeHeadDim,
        int vHeadDim,
        SlidingWindow slidingWindow) {

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(slidingWindow, "slidingWindow (use SlidingWindow.NONE)");
        requirePositive(name, "vocabSize", vocabSize);
        requirePositive(name, "hiddenSize", hiddenSize);
        requirePositive(name, "numLayers", numLayers);
        requirePositive(name, "numHeads", numHeads);
        requirePositive(name, "numKvHeads", numKvHeads);
        requirePositive(name, "headDim", headDim);
        requirePositive(name, "intermediateSize", intermediateSize);
        requirePositive(name, "maxPositions", maxPositions);
        requirePositive(name, "moeLayerEvery", moeLayerEvery);
        if (numHeads % numKvHeads != 0) {
            throw invalid(name, "numHeads (" + numHeads + ") must be a multiple of numKvHeads (" + numKvHeads + ")");
        }
        if (numExperts < 0 || expertsPerToken < 0 || expertsPerToken > numExperts) {
            throw invalid(name, "need 0 <= expertsPerToken <= numExperts, got " + expertsPerToken + " of " + numExperts);
        }
        if (numExperts == 0) {
            if (sharedExperts != 0 || moeIntermediateSize != 0 || firstDenseLayers != 0) {
                throw invalid(name, "a dense model (numExperts = 0) must have sharedExperts, moeIntermediateSize and "
                        + "firstDenseLayers 0, got " + sharedExperts + ", " + moeIntermediateSize + ", " + firstDenseLayers);
            }
        } else {
            if (expertsPerToken < 1) throw invalid(name, "a mixture-of-experts model needs expertsPerToken >= 1");
            requirePositive(name, "moeIntermediateSize", moeIntermediateSize);
            if (sharedExperts < 0) throw invalid(name, "sharedExperts must be >= 0, got " + sharedExperts);
            if (firstDenseLayers < 0 || firstDenseLayers >= numLayers) {
                throw invalid(name, "firstDenseLayers must be in [0, numLayers), got " + firstDenseLayers);
            }
        }
        boolean mla = kvLoraRank > 0;
        if (mla) {
            requirePositive(name, "qkRopeHeadDim", qkRopeHeadDim);
            requirePositive(name, "qkNopeHeadDim", qkNopeHeadDim);
            requirePositive(name, "vHeadDim", vHeadDim);
            if (qLoraRank < 0) throw invalid(name, "qLoraRank must be >= 0, got " + qLoraRank);
            if (headDim != qkNopeHeadDim + qkRopeHeadDim) {
                throw invalid(name, "with MLA headDim must be qkNopeHeadDim + qkRopeHeadDim = "
                        + (qkNopeHeadDim + qkRopeHeadDim) + ", got " + headDim);
            }
            if (numKvHeads != numHeads) throw invalid(name, "with MLA numKvHeads must equal numHeads");
        } else if (kvLoraRank != 0 || qLoraRank != 0 || qkRopeHeadDim != 0 || qkNopeHeadDim != 0 || vHeadDim != 0) {
            throw invalid(name, "MLA fields (kvLoraRank, qLoraRank, qkRopeHeadDim, qkNopeHeadDim, vHeadDim) must all be 0 "
                    + "when kvLoraRank is 0");
        }
    }

    private static void requirePositive(String name, String field, int value) {
        if (value <= 0) throw invalid(name, "model config field " + field + " must be > 0, got " + value);
    }

    private static IllegalArgumentException invalid(String name, String what) {
        return new IllegalArgumentException(name + ": " + what);
    }

    /** @return a builder in DJL's convention: {@code set...} for required fields, {@code opt...} for optional ones */
    public static Builder builder() { return new Builder(); }

    /** @return a builder holding every field of this config, to derive a variant */
    public Builder toBuilder() {
        return new Builder().setName(name).setFamily(family).setVocabSize(vocabSize).setHiddenSize(hiddenSize)
                .setNumLayers(numLayers).setNumHeads(numHeads).optNumKvHeads(numKvHeads).optHeadDim(headDim)
                .setIntermediateSize(intermediateSize).optMaxPositions(maxPositions).optRopeTheta(ropeTheta)
                .optRopeScaling(ropeScaling).optNormEps(normEps).optTieEmbeddings(tieEmbeddings).optQkvBias(qkvBias)
                .optNumExperts(numExperts).optExpertsPerToken(expertsPerToken).optSharedExperts(sharedExperts)
                .optMoeIntermediateSize(moeIntermediateSize).optFirstDenseLayers(firstDenseLayers)
                .optMoeLayerEvery(moeLayerEvery).optMla(kvLoraRank, qLoraRank, qkRopeHeadDim, qkNopeHeadDim, vHeadDim)
                .optSlidingWindow(slidingWindow);
    }

    /** @return true for a mixture-of-experts model */
    public boolean isMoe() { return numExperts > 0; }

    /** @return true when attention is DeepSeek's multi-head latent attention */
    public boolean isMla() { return kvLoraRank > 0; }

    /** @return the width of the K (or V) projection output of grouped-query attention: {@code numKvHeads * headDim} */
    public int kvDim() { return numKvHeads * headDim; }

    /** @return the per-head dimension that queries and keys are multiplied in (MLA: nope + rope part) */
    public int qkHeadDim() { return isMla() ? qkNopeHeadDim + qkRopeHeadDim : headDim; }

    /** @return the per-head dimension of values (MLA: {@code vHeadDim}) */
    public int valueHeadDim() { return isMla() ? vHeadDim : headDim; }

    /**
     * @param layer 0-based layer index
     * @return true when that layer's MLP is a mixture of experts
     */
    public boolean isMoeLayer(int layer) {
        if (layer < 0 || layer >= numLayers) {
            throw new IllegalArgumentException("layer must be in [0, " + numLayers + "), got " + layer);
        }
        return isMoe() && layer >= firstDenseLayers && layer % moeLayerEvery == 0;
    }

    /** @return the number of mixture-of-experts layers (0 for a dense model) */
    public int moeLayerCount() {
        int n = 0;
        for (int i = 0; i < numLayers; i++) if (isMoeLayer(i)) n++;
        return n;
    }

    /** @return the number of layers with a dense MLP */
    public int denseLayerCount() { return numLayers - moeLayerCount(); }

    /**
     * Attention parameters of one layer: the Q, K, V and output projections with their biases and per-head
     * norms, or for MLA the query down/up projections, the joint key/value latent projection (plus the shared
     * rotary key), the key/value up projection, the latent norms and the output projection. gpt-oss's per-head
     * attention sinks are counted here.
     *
     * @return parameters
     */
    public long attentionParametersPerLayer() { return attention(true); }

    /** @return parameters of one dense-layer MLP of width {@code intermediateSize}, biases included */
    public long denseMlpParameters() { return mlp(intermediateSize, true); }

    /** @return parameters of one routed expert in one layer (its MLP of width {@code moeIntermediateSize}); 0 if dense */
    public long routedExpertParameters() { return isMoe() ? mlp(moeIntermediateSize, true) : 0; }

    /** @return parameters of all shared (always-on) experts of one mixture-of-experts layer; 0 if none */
    public long sharedExpertParameters() { return isMoe() ? sharedExperts * mlp(moeIntermediateSize, true) : 0; }

    /** @return parameters of one layer's router (d x numExperts, plus its bias where the family has one); 0 if dense */
    public long routerParameters() { return router(true); }

    /** @return learned normalisation parameters of one layer (the width-d norms; per-head and latent norms are attention's) */
    public long normParametersPerLayer() { return (long) family.normVectorsPerLayer() * hiddenSize; }

    /** @return parameters of the input embedding table, {@code vocabSize * hiddenSize} */
    public long embeddingParameters() { return (long) vocabSize * hiddenSize; }

    /** @return parameters the LM head multiplies per position, {@code vocabSize * hiddenSize} (tied or not) */
    public long lmHeadParameters() { return (long) vocabSize * hiddenSize; }

    /**
     * Parameter count, embeddings and LM head included (the head once when tied). For a mixture-of-experts
     * model this is the total, every routed expert included.
     *
     * @return number of parameters
     */
    public long parameterCount() {
        long head = tieEmbeddings ? 0 : lmHeadParameters();
        return layersExceptRouted(true) + (long) moeLayerCount() * numExperts * routedExpertParameters()
                + embeddingParameters() + head + finalNormParameters();
    }

    /**
     * Parameters one token's forward pass multiplies: attention, norms, dense MLPs, in each mixture-of-experts
     * layer the top-k routed experts, the shared experts and the router, the final norm and the LM head (counted
     * even when tied). The input embedding is excluded: it is a table lookup, not a multiplication. Published
     * "activated parameter" figures (Mixtral 12.9B, DeepSeek-V3 37B, Qwen3 "A3B") usually include the embedding;
     * add {@link #embeddingParameters()} to compare.
     *
     * @return number of parameters
     */
    public long activeParameterCount() {
        return alwaysReadParameterCount() + (long) moeLayerCount() * expertsPerToken * routedExpertParameters();
    }

    /**
     * Weights a forward step reads whatever the routing: everything except the routed experts, LM head included.
     * The input embedding table is left out too, because a step reads only the rows of its tokens. A step over a
     * batch additionally reads the routed experts its tokens touch: between {@code expertsPerToken} and
     * {@code numExperts} of them per mixture-of-experts layer.
     *
     * @return number of parameters
     */
    public long alwaysReadParameterCount() {
        return layersExceptRouted(true) + lmHeadParameters() + finalNormParameters();
    }

    /**
     * Weight elements of the matrix multiplications one token goes through, LM head excluded: projections, the
     * active routed experts, shared experts and router. Biases and norms are left out. FLOPs per token are twice this.
     */
    long linearWeightsPerToken() {
        return layersExceptRouted(false) + (long) moeLayerCount() * expertsPerToken * mlp(moeIntermediateSize, false);
    }

    /**
     * Key/value-cache elements one token adds, summed over layers: {@code 2 * numKvHeads * headDim} per layer for
     * grouped-query attention, {@code kvLoraRank + qkRopeHeadDim} per layer for MLA (the compressed latent and the
     * shared rotary key). Sliding-window layers are counted like the others (the token is cached before it slides
     * out); multiply by bytes per element for memory.
     *
     * @return elements per token
     */
    public long kvCacheElementsPerToken() {
        long perLayer = isMla() ? kvLoraRank + qkRopeHeadDim : 2L * numKvHeads * headDim;
        return perLayer * numLayers;
    }

    /**
     * Cached positions a query attends, summed over layers: {@code min(contextTokens, window)} for a
     * sliding-window layer, {@code contextTokens} for a global one. Without windows this is
     * {@code numLayers * contextTokens}.
     *
     * @param contextTokens positions in the context, the query's own included (>= 0)
     * @return layer-positions attended
     */
    public long attendedContext(long contextTokens) {
        if (contextTokens < 0) throw new IllegalArgumentException("contextTokens must be >= 0, got " + contextTokens);
        int local = slidingWindow.localLayers(numLayers);
        long windowed = Math.min(contextTokens, slidingWindow.tokens());
        return (long) (numLayers - local) * contextTokens + (long) local * windowed;
    }

    /**
     * FLOPs of one query token against one cached token in one layer, at 2 FLOPs per multiply-accumulate:
     * {@code 2 * numHeads * (qkHeadDim + valueHeadDim)} (the score q.k and the weighted sum of v). For MLA this is
     * the naive (un-absorbed) form, 2·h·(192 + 128) for DeepSeek-V3; kernels that absorb the up projections into
     * the query multiply against the 512 + 64 latent instead and do more FLOPs per position but read less.
     * Multiply by {@link #attendedContext(long)} for a decode step's attention FLOPs.
     *
     * @return FLOPs per attended position per layer
     */
    public long attentionFlopsPerAttendedToken() {
        return 2L * numHeads * (qkHeadDim() + valueHeadDim());
    }

    private long finalNormParameters() { return (long) family.vectorsPerNorm() * hiddenSize; }

    /** Every layer's parameters except its routed experts (attention, norms, dense MLP or shared experts + router). */
    private long layersExceptRouted(boolean vectors) {
        int moeLayers = moeLayerCount();
        long perLayerCommon = attention(vectors) + (vectors ? normParametersPerLayer() : 0);
        long moeCommon = isMoe() ? sharedExperts * mlp(moeIntermediateSize, vectors) + router(vectors) : 0;
        return numLayers * perLayerCommon + (long) (numLayers - moeLayers) * mlp(intermediateSize, vectors)
                + moeLayers * moeCommon;
    }

    private long attention(boolean vectors) {
        long d = hiddenSize;
        long h = numHeads;
        if (isMla()) {
            long qk = h * (qkNopeHeadDim + qkRopeHeadDim);
            long q = qLoraRank > 0 ? d * qLoraRank + (long) qLoraRank * qk : d * qk;
            long kvDown = d * (kvLoraRank + qkRopeHeadDim);
            long kvUp = (long) kvLoraRank * h * (qkNopeHeadDim + vHeadDim);
            long out = h * vHeadDim * d;
            long norms = vectors ? kvLoraRank + qLoraRank : 0;
            return q + kvDown + kvUp + out + norms;
        }
        long q = h * headDim;
        long kv = kvDim();
        long weights = d * q + 2 * d * kv + q * d;
        if (!vectors) return weights;
        long bias = qkvBias ? q + 2 * kv : 0;
        if (family == Family.STARCODER2 || family == Family.GPT_OSS) bias += d; // output projection bias
        long qkNorm = family.qkNorm() ? 2L * headDim : 0;
        long sinks = family == Family.GPT_OSS ? h : 0;
        return weights + bias + qkNorm + sinks;
    }

    private long mlp(int width, boolean vectors) {
        long d = hiddenSize;
        long f = width;
        long matrices = family.gatedMlp() ? 3 : 2;
        long weights = matrices * d * f;
        if (!vectors) return weights;
        long bias = switch (family) {
            case STARCODER2 -> f + d;
            case GPT_OSS -> 2 * f + d; // fused gate_up bias and down bias
            default -> 0;
        };
        return weights + bias;
    }

    private long router(boolean vectors) {
        if (!isMoe()) return 0;
        long weights = (long) hiddenSize * numExperts;
        boolean bias = vectors && (family == Family.DEEPSEEK_V3 || family == Family.GPT_OSS);
        return weights + (bias ? numExperts : 0);
    }

    /**
     * Builds a {@link ModelConfig} in DJL's convention. Required ({@code set}): name, family, vocabulary size,
     * hidden size, layers, heads and intermediate size. Every {@code opt} documents its default.
     */
    public static final class Builder {
        private String name;
        private Family family;
        private int vocabSize;
        private int hiddenSize;
        private int numLayers;
        private int numHeads;
        private int intermediateSize;
        private Integer numKvHeads;
        private Integer headDim;
        private int maxPositions = 2048;
        private double ropeTheta = 10000;
        private RopeScaling ropeScaling;
        private double normEps = 1e-5;
        private boolean tieEmbeddings;
        private boolean qkvBias;
        private int numExperts;
        private int expertsPerToken;
        private int sharedExperts;
        private Integer moeIntermediateSize;
        private int firstDenseLayers;
        private int moeLayerEvery = 1;
        private int kvLoraRank;
        private int qLoraRank;
        private int qkRopeHeadDim;
        private int qkNopeHeadDim;
        private int vHeadDim;
        private SlidingWindow slidingWindow = SlidingWindow.NONE;

        Builder() {}

        /** @param name preset or checkpoint name (required) @return this */
        public Builder setName(String name) { this.name = name; return this; }

        /** @param family architecture family (required) @return this */
        public Builder setFamily(Family family) { this.family = family; return this; }

        /** @param vocabSize vocabulary size in tokens (required) @return this */
        public Builder setVocabSize(int vocabSize) { this.vocabSize = vocabSize; return this; }

        /** @param hiddenSize model width d (required) @return this */
        public Builder setHiddenSize(int hiddenSize) { this.hiddenSize = hiddenSize; return this; }

        /** @param numLayers decoder layers (required) @return this */
        public Builder setNumLayers(int numLayers) { this.numLayers = numLayers; return this; }

        /** @param numHeads query heads (required) @return this */
        public Builder setNumHeads(int numHeads) { this.numHeads = numHeads; return this; }

        /** @param intermediateSize dense-layer MLP inner width (required) @return this */
        public Builder setIntermediateSize(int intermediateSize) { this.intermediateSize = intermediateSize; return this; }

        /** @param numKvHeads key/value heads; default {@code numHeads} (multi-head attention) @return this */
        public Builder optNumKvHeads(int numKvHeads) { this.numKvHeads = numKvHeads; return this; }

        /**
         * @param headDim per-head dimension; default {@code hiddenSize / numHeads}, or for MLA
         *                {@code qkNopeHeadDim + qkRopeHeadDim}
         * @return this
         */
        public Builder optHeadDim(int headDim) { this.headDim = headDim; return this; }

        /** @param maxPositions maximum context in tokens; default 2048 @return this */
        public Builder optMaxPositions(int maxPositions) { this.maxPositions = maxPositions; return this; }

        /** @param ropeTheta rotary base; default 10000 @return this */
        public Builder optRopeTheta(double ropeTheta) { this.ropeTheta = ropeTheta; return this; }

        /** @param ropeScaling Llama-3 rotary scaling; default null (none) @return this */
        public Builder optRopeScaling(RopeScaling ropeScaling) { this.ropeScaling = ropeScaling; return this; }

        /** @param normEps normalisation epsilon; default 1e-5 @return this */
        public Builder optNormEps(double normEps) { this.normEps = normEps; return this; }

        /** @param tieEmbeddings LM head shares the embedding; default false @return this */
        public Builder optTieEmbeddings(boolean tieEmbeddings) { this.tieEmbeddings = tieEmbeddings; return this; }

        /** @param qkvBias Q, K, V projections have a bias; default false @return this */
        public Builder optQkvBias(boolean qkvBias) { this.qkvBias = qkvBias; return this; }

        /** @param numExperts routed experts per MoE layer; default 0 (dense) @return this */
        public Builder optNumExperts(int numExperts) { this.numExperts = numExperts; return this; }

        /** @param expertsPerToken routed experts per token (top-k); default 0 (dense) @return this */
        public Builder optExpertsPerToken(int expertsPerToken) { this.expertsPerToken = expertsPerToken; return this; }

        /** @param sharedExperts always-on experts per MoE layer; default 0 @return this */
        public Builder optSharedExperts(int sharedExperts) { this.sharedExperts = sharedExperts; return this; }

        /**
         * @param moeIntermediateSize one expert's MLP inner width; default {@code intermediateSize} for an MoE
         *                            model (Mixtral), 0 for a dense one
         * @return this
         */
        public Builder optMoeIntermediateSize(int moeIntermediateSize) { this.moeIntermediateSize = moeIntermediateSize; return this; }

        /** @param firstDenseLayers leading dense layers of an MoE model; default 0 @return this */
        public Builder optFirstDenseLayers(int firstDenseLayers) { this.firstDenseLayers = firstDenseLayers; return this; }

        /** @param moeLayerEvery period of MoE layers after the dense ones; default 1 @return this */
        public Builder optMoeLayerEvery(int moeLayerEvery) { this.moeLayerEvery = moeLayerEvery; return this; }

        /**
         * Multi-head latent attention; default off (all 0). Sets {@code numKvHeads} to {@code numHeads} and
         * {@code headDim} to {@code qkNopeHeadDim + qkRopeHeadDim} unless given.
         *
         * @param kvLoraRank    key/value latent rank
         * @param qLoraRank     query latent rank, 0 for a direct query projection
         * @param qkRopeHeadDim rotary part of a query/key head
         * @param qkNopeHeadDim non-rotary part of a query/key head
         * @param vHeadDim      value head dimension
         * @return this
         */
        public Builder optMla(int kvLoraRank, int qLoraRank, int qkRopeHeadDim, int qkNopeHeadDim, int vHeadDim) {
            this.kvLoraRank = kvLoraRank;
            this.qLoraRank = qLoraRank;
            this.qkRopeHeadDim = qkRopeHeadDim;
            this.qkNopeHeadDim = qkNopeHeadDim;
            this.vHeadDim = vHeadDim;
            return this;
        }

        /** @param slidingWindow which layers use a window; default {@link SlidingWindow#NONE} @return this */
        public Builder optSlidingWindow(SlidingWindow slidingWindow) { this.slidingWindow = slidingWindow; return this; }

        /**
         * @return the config
         * @throws IllegalArgumentException naming the model and the field when a required field is missing or the
         *                                  fields are inconsistent
         */
        public ModelConfig build() {
            String who = name == null ? "model" : name;
            if (name == null) throw invalid(who, "builder field name is required (setName)");
            if (family == null) throw invalid(who, "builder field family is required (setFamily)");
            if (vocabSize == 0) throw invalid(who, "builder field vocabSize is required (setVocabSize)");
            if (hiddenSize == 0) throw invalid(who, "builder field hiddenSize is required (setHiddenSize)");
            if (numLayers == 0) throw invalid(who, "builder field numLayers is required (setNumLayers)");
            if (numHeads == 0) throw invalid(who, "builder field numHeads is required (setNumHeads)");
            if (intermediateSize == 0) throw invalid(who, "builder field intermediateSize is required (setIntermediateSize)");
            boolean mla = kvLoraRank > 0;
            int kv = numKvHeads != null ? numKvHeads : numHeads;
            int hd;
            if (headDim != null) {
                hd = headDim;
            } else if (mla) {
                hd = qkNopeHeadDim + qkRopeHeadDim;
            } else {
                if (hiddenSize % numHeads != 0) {
                    throw invalid(who, "headDim not given and hiddenSize " + hiddenSize + " is not a multiple of numHeads " + numHeads);
                }
                hd = hiddenSize / numHeads;
            }
            int moeWidth = moeIntermediateSize != null ? moeIntermediateSize : numExperts > 0 ? intermediateSize : 0;
            return new ModelConfig(name, family, vocabSize, hiddenSize, numLayers, numHeads, kv, hd, intermediateSize,
                    maxPositions, ropeTheta, ropeScaling, normEps, tieEmbeddings, qkvBias, numExperts, expertsPerToken,
                    sharedExperts, moeWidth, firstDenseLayers, moeLayerEvery, kvLoraRank, qLoraRank, qkRopeHeadDim,
                    qkNopeHeadDim, vHeadDim, slidingWindow);
        }
    }
}
