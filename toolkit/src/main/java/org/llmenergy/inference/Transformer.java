package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.HashMap;
import java.util.Map;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/**
 * The forward pass of a decoder-only transformer (Llama, Qwen2, OLMo) as DJL NDArray operations on libtorch,
 * following transformers' eager implementation operation for operation where it matters for the numbers:
 * norms in fp32, scores scaled after the Q·K product, softmax in fp32, rotary tables computed in fp32.
 *
 * <p>Everything per token is an NDArray operation; there are no Java loops over elements. Rotary tables and
 * causal-mask blocks are built once and reused across steps and runs.
 */
final class Transformer implements AutoCloseable {
    private final ModelConfig config;
    private final TransformerWeights weights;
    private final DataType type;
    private final boolean fp32;
    private final NDManager manager;
    private final float scale;
    private final long maxAttentionBytes;
    private final double[] inverseFrequencies;
    /** x @ rotateHalf == cat(-x2, x1): rotate_half as one matrix product instead of split, negate, concat. */
    private final NDArray rotateHalf;
    /** OLMo's layer norm has no learned scale or bias; libtorch's layer_norm takes explicit ones and zeros. */
    private final NDArray lnOnes;
    private final NDArray lnZeros;
    private final Map<Integer, NDArray> causalBlocks = new HashMap<>();
    private NDArray cosTable;
    private NDArray sinTable;
    private int tableCapacity;

    Transformer(TransformerWeights weights, DataType type, long maxAttentionBytes) {
        this.config = weights.config();
        this.weights = weights;
        this.type = type;
        this.fp32 = type == DataType.FLOAT32;
        this.manager = weights.manager();
        this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
        this.maxAttentionBytes = maxAttentionBytes;
        this.inverseFrequencies = RotaryFrequencies.inverseFrequencies(config.headDim(), config.ropeTheta(),
                config.ropeScaling());
        int hd = config.headDim();
        int half = hd / 2;
        float[] r = new float[hd * hd];
        for (int i = 0; i < half; i++) {
            r[(i + half) * hd + i] = -1f; // out[i] = -x[i + half]
            r[i * hd + i + half] = 1f;    // out[i + half] = x[i]
        }
        this.rotateHalf = manager.create(r, new Shape(hd, hd)).toType(type, false);
        if (config.family() == Family.OLMO) {
            lnOnes = manager.ones(new Shape(config.hiddenSize()));
            lnZeros = manager.zeros(new Shape(config.hiddenSize()));
        } else {
            lnOnes = null;
            lnZeros = null;
        }
    }

    /** @return the architecture */
    ModelConfig config() { return config; }

    /** @return the weights */
    TransformerWeights weights() { return weights; }

    /** @return the activation type */
    DataType type() { return type; }

    /**
     * Makes the rotary tables cover {@code positions} positions (grown by doubling, kept across runs).
     *
     * @param positions positions needed
     */
    void ensurePositions(int positions) {
        if (positions <= tableCapacity) return;
        int cap = Math.max(positions, Math.min(2 * Math.max(tableCapacity, 64), config.maxPositions()));
        cap = Math.max(cap, positions);
        float[] inv = new float[inverseFrequencies.length];
        for (int i = 0; i < inv.length; i++) inv[i] = (float) inverseFrequencies[i];
        try (NDManager tmp = manager.newSubManager()) {
            NDArray invFreq = tmp.create(inv, new Shape(1, inv.length));
            NDArray pos = tmp.arange(0, cap, 1, DataType.FLOAT32).reshape(cap, 1);
            NDArray freqs = pos.mul(invFreq);
            NDArray emb = freqs.concat(freqs, 1);
            NDArray cos = emb.cos().toType(type, true);
            NDArray sin = emb.sin().toType(type, true);
            cos.attach(manager);
            sin.attach(manager);
            NDScope.unregister(cos, sin); // tables outlive the step that grew them
            if (cosTable != null) {
                cosTable.close();
                sinTable.close();
            }
            cosTable = cos;
            sinTable = sin;
            tableCapacity = cap;
        }
    }

    /**
     * Runs the model on {@code tokens}, which continue the sequences held in {@code cache} at position
     * {@code cache.length()}, writes their keys and values into the cache and advances it.
     *
     * <p>Call inside an {@link ai.djl.ndarray.NDScope} so intermediates are freed when the step ends.
     *
     * @param tokens        int64 {@code [rows, T]} on the model's device
     * @param cache         the cache of these rows
     * @param allPositions  true for logits at every position {@code [rows, T, V]}, false for the last only
     *                      {@code [rows, V]}
     * @return fp32 logits
     */
    NDArray forward(NDArray tokens, KvCache cache, boolean allPositions) {
        Shape ts = tokens.getShape();
        int rows = Math.toIntExact(ts.get(0));
        int t = Math.toIntExact(ts.get(1));
        int pos = cache.length();
        if (rows != cache.rows()) throw new IllegalArgumentException("tokens have " + rows + " rows, cache " + cache.rows());
        ensurePositions(pos + t);
        NDArray cos = cosTable.get(NDIndex.sliceAxis(0, pos, pos + t)).reshape(t, 1, config.headDim());
        NDArray sin = sinTable.get(NDIndex.sliceAxis(0, pos, pos + t)).reshape(t, 1, config.headDim());

        NDArray x = Embedding.embedding(tokens, weights.embedding(), SparseFormat.DENSE).singletonOrThrow();
        for (int i = 0; i < config.numLayers(); i++) {
            LayerWeights w = weights.layers().get(i);
            NDArray h = norm(x, w.attnNorm());
            x = x.add(attention(h, w, i, cache, pos, t, cos, sin));
            h = norm(x, w.mlpNorm());
            x = x.add(mlp(h, w));
        }
        cache.advance(t);
        NDArray last = allPositions || t == 1 ? x : x.get(NDIndex.sliceAxis(1, t - 1, t));
        NDArray logits = Linear.linear(norm(last, weights.finalNorm()), weights.lmHead()).singletonOrThrow();
        if (!fp32) logits = logits.toType(DataType.FLOAT32, false);
        return allPositions ? logits : logits.reshape(rows, config.vocabSize());
    }

    private NDArray attention(NDArray h, LayerWeights w, int layer, KvCache cache, int pos, int t, NDArray cos,
                              NDArray sin) {
        int rows = Math.toIntExact(h.getShape().get(0));
        int heads = config.numHeads();
        int kvHeads = config.numKvHeads();
        int hd = config.headDim();
        NDArray qkv = Linear.linear(h, w.qkv(), w.qkvBias()).singletonOrThrow().reshape(rows, t, heads + 2 * kvHeads, hd);
        NDArray qk = qkv.get(NDIndex.sliceAxis(2, 0, heads + kvHeads));
        NDArray v = qkv.get(NDIndex.sliceAxis(2, heads + kvHeads, heads + 2 * kvHeads));
        NDArray rotated = qk.mul(cos).add(qk.matMul(rotateHalf).mul(sin));
        NDArray q = rotated.get(NDIndex.sliceAxis(2, 0, heads)).transpose(0, 2, 1, 3);
        NDArray k = rotated.get(NDIndex.sliceAxis(2, heads, heads + kvHeads)).transpose(0, 2, 1, 3);
        cache.write(layer, k, v.transpose(0, 2, 1, 3));
        int end = pos + t;
        NDArray out = attend(q, cache, layer, rows, t, end);
        return Linear.linear(out, w.o()).singletonOrThrow();
    }

    /**
     * Grouped-query attention of {@code t} new queries over {@code end} cached positions. The query heads that
     * share a key/value head are folded into the row dimension, so K and V are never repeated per head. Long
     * prompts are processed in query chunks so one score tensor stays under the configured byte bound.
     */
    private NDArray attend(NDArray q, KvCache cache, int layer, int rows, int t, int end) {
        int kvHeads = config.numKvHeads();
        int group = config.numHeads() / kvHeads;
        int hd = config.headDim();
        long perQueryRow = (long) rows * config.numHeads() * end * 4L;
        int chunk = (int) Math.max(1, Math.min(t, maxAttentionBytes / Math.max(1, perQueryRow)));
        NDList parts = new NDList();
        for (int r0 = 0; r0 < t; r0 += chunk) {
            int r1 = Math.min(t, r0 + chunk);
            int n = r1 - r0;
            int keysEnd = end - t + r1;
            NDArray qc = n == t ? q : q.get(NDIndex.sliceAxis(2, r0, r1));
            qc = qc.reshape(rows, kvHeads, (long) group * n, hd);
            NDArray keys = cache.keys(layer, keysEnd);
            NDArray values = cache.values(layer, keysEnd);
            NDArray scores = qc.matMul(keys.transpose(0, 1, 3, 2)).mul(scale);
            if (!fp32) scores = scores.toType(DataType.FLOAT32, false);
            if (n > 1) {
                // The last n key positions are the chunk's own tokens: mask the strict upper triangle.
                scores.reshape(rows, kvHeads, group, n, keysEnd)
                        .get(NDIndex.sliceAxis(4, keysEnd - n, keysEnd))
                        .addi(causalBlock(n));
            }
            NDArray probs = scores.softmax(3);
            if (!fp32) probs = probs.toType(type, false);
            parts.add(probs.matMul(values).reshape(rows, config.numHeads(), n, hd));
        }
        NDArray out = parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 2);
        return out.transpose(0, 2, 1, 3).reshape(rows, t, (long) config.numHeads() * hd);
    }

    /** An additive {@code [n, n]} fp32 mask: 0 on and below the diagonal, -inf above. Cached per size. */
    private NDArray causalBlock(int n) {
        NDArray m = causalBlocks.get(n);
        if (m != null) return m;
        if (causalBlocks.size() >= 16) {
            causalBlocks.values().forEach(NDArray::close);
            causalBlocks.clear();
        }
        try (NDManager tmp = manager.newSubManager()) {
            NDArray idx = tmp.arange(0, n, 1, DataType.INT64);
            NDArray above = idx.reshape(1, n).gt(idx.reshape(n, 1));
            NDArray mask = NDArrays.where(above, tmp.full(new Shape(n, n), Float.NEGATIVE_INFINITY),
                    tmp.zeros(new Shape(n, n)));
            m = mask.duplicate();
            m.attach(manager);
            NDScope.unregister(m); // cached across steps and runs
        }
        causalBlocks.put(n, m);
        return m;
    }

    private NDArray mlp(NDArray h, LayerWeights w) {
        long inter = config.intermediateSize();
        NDArray gu = Linear.linear(h, w.gateUp()).singletonOrThrow();
        int last = gu.getShape().dimension() - 1;
        NDArray gate = gu.get(NDIndex.sliceAxis(last, 0, inter));
        NDArray up = gu.get(NDIndex.sliceAxis(last, inter, 2 * inter));
        NDArray act = gate.mul(Activation.sigmoid(gate)).mul(up);
        return Linear.linear(act, w.down()).singletonOrThrow();
    }

    /** RMSNorm with a learned scale (Llama, Qwen2), or OLMo's non-parametric layer norm when {@code scale} is null. */
    private NDArray norm(NDArray x, NDArray scaleWeights) {
        NDArray xf = fp32 ? x : x.toType(DataType.FLOAT32, false);
        int last = xf.getShape().dimension() - 1;
        NDArray y;
        if (scaleWeights == null) {
            y = LayerNorm.layerNorm(xf, new Shape(config.hiddenSize()), lnOnes, lnZeros, (float) config.normEps())
                    .singletonOrThrow();
            return fp32 ? y : y.toType(type, false);
        }
        NDArray variance = xf.square().mean(new int[] {last}, true);
        y = xf.mul(variance.add((float) config.normEps()).pow(-0.5f));
        if (!fp32) y = y.toType(type, false);
        return y.mul(scaleWeights);
    }

    @Override
    public void close() {
        weights.close();
    }
}
