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
import java.util.ArrayList;
import java.util.List;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/**
 * The forward pass of a decoder-only transformer (Llama, Qwen2, OLMo) as DJL NDArray operations on libtorch,
 * following transformers' eager implementation where it matters for the numbers: norms, softmax, rotary tables and
 * logits in fp32 whatever the activation precision.
 *
 * <p>Everything per token is an NDArray operation; there are no Java loops over elements. Rotary tables and
 * causal-mask blocks are built once and reused across steps and runs. To save per-operation overhead in decode,
 * the RMSNorm scales are folded into the matrices that follow them and the attention scale 1/sqrt(hd) into the
 * query rows, once at construction (exact up to float rounding: linear(x * w, W) = linear(x, W diag(w))), and a
 * single-token step applies the rotary embedding as one product with a 2-D rotation matrix shared by all layers.
 *
 * <p>Memory: each layer runs in its own {@link NDScope}, so its intermediates are freed when it ends and the next
 * layer reuses that memory (malloc's heap on the CPU for blocks under its mmap threshold, the caching allocator on
 * a GPU); only the residual stream crosses layers. Holding every layer's intermediates until the step ended made a
 * batch-8 x 512 prefill of small-100m touch 4-6 GB of fresh pages (1.0-1.4 million page faults) and run at 0.41x
 * PyTorch eager (issue 11). A prompt longer than {@code maxPassTokens} runs as successive passes over position
 * chunks through the KV cache, and attention over a long context runs in query chunks each in its own scope, so
 * prefill activations are bounded by the chunk sizes, not the prompt.
 *
 * <p>Attention: libtorch's fused scaled-dot-product attention through a TorchScript block ({@link ScriptedAttention})
 * when it loads, else (or when turned off) the chunked attention of {@link #attend}, which materialises scores.
 */
final class Transformer implements AutoCloseable {
    private final ModelConfig config;
    private final TransformerWeights weights;
    /** Layers with norm scales and the attention scale folded in (see the class comment). */
    private final List<LayerWeights> layers;
    /** Output projection, with the final norm's scale folded in unless the embedding is tied. */
    private final NDArray head;
    /** The final norm's scale when it could not be folded (tied embeddings), else null. */
    private final NDArray finalScale;
    private final boolean rmsNorm;
    private final NDArray eye;
    private final DataType type;
    private final boolean fp32;
    private final NDManager manager;
    private final long maxAttentionBytes;
    private final int maxPassTokens;
    private final double[] inverseFrequencies;
    /** x @ rotateHalf == cat(-x2, x1): rotate_half as one matrix product instead of split, negate, concat. */
    private final NDArray rotateHalf;
    /** OLMo's layer norm has no learned scale or bias; libtorch's layer_norm takes explicit ones and zeros. */
    private final NDArray lnOnes;
    private final NDArray lnZeros;
    /** The largest causal mask built so far; smaller ones are its top-left blocks ({@link #causalBlock}). */
    private NDArray causalMask;
    /** libtorch's fused attention through TorchScript, or null for the chunked attention ({@link #attentionPath}). */
    private final ScriptedAttention scripted;
    private final String attentionPath;
    private NDArray cosTable;
    private NDArray sinTable;
    private int tableCapacity;

    /**
     * @param scriptedAttention true to attend through {@link ScriptedAttention} when it loads (the chunked attention
     *                          otherwise, and when it does not)
     */
    Transformer(TransformerWeights weights, DataType type, long maxAttentionBytes, int maxPassTokens,
                boolean scriptedAttention) {
        this.config = weights.config();
        this.weights = weights;
        this.type = type;
        this.fp32 = type == DataType.FLOAT32;
        this.manager = weights.manager();
        this.maxAttentionBytes = maxAttentionBytes;
        this.maxPassTokens = maxPassTokens;
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
        this.eye = manager.eye(hd).toType(type, false);
        this.rmsNorm = config.family() != Family.OLMO;
        this.layers = fold(weights);
        if (weights.finalNorm() != null && !config.tieEmbeddings()) {
            head = weights.lmHead().mul(weights.finalNorm().reshape(1, config.hiddenSize()));
            finalScale = null;
            weights.lmHead().close();
            weights.finalNorm().close();
        } else {
            head = weights.lmHead();
            finalScale = weights.finalNorm();
        }
        if (config.family() == Family.OLMO) {
            lnOnes = manager.ones(new Shape(config.hiddenSize()));
            lnZeros = manager.zeros(new Shape(config.hiddenSize()));
        } else {
            lnOnes = null;
            lnZeros = null;
        }
        ScriptedAttention.Loaded loaded = scriptedAttention ? ScriptedAttention.load(manager)
                : new ScriptedAttention.Unavailable("turned off (EngineOptions.scriptedAttention)");
        if (loaded instanceof ScriptedAttention.Ready ready) {
            scripted = ready.attention();
            attentionPath = "fused scaled-dot-product attention (TorchScript " + ScriptedAttention.RESOURCE + ")";
        } else {
            scripted = null;
            attentionPath = "chunked attention, scores <= " + maxAttentionBytes + " B ("
                    + ((ScriptedAttention.Unavailable) loaded).reason() + ")";
        }
    }

    /**
     * Folds each layer's norm scales into the following matrices and 1/sqrt(hd) into the query rows (and bias).
     * The unfolded arrays are closed as soon as their folded copies exist.
     */
    private List<LayerWeights> fold(TransformerWeights w) {
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long rows = q + 2L * config.kvDim();
        float s = (float) (1.0 / Math.sqrt(config.headDim()));
        float[] col = new float[(int) rows];
        for (int i = 0; i < col.length; i++) col[i] = i < q ? s : 1f;
        List<LayerWeights> out = new ArrayList<>();
        try (NDArray colScale = manager.create(col, new Shape(rows, 1)).toType(type, false)) {
            for (LayerWeights l : w.layers()) {
                NDArray qkv = l.qkv().mul(colScale);
                if (l.attnNorm() != null) qkv = qkv.mul(l.attnNorm().reshape(1, d));
                NDArray bias = l.qkvBias() == null ? null : l.qkvBias().mul(colScale.reshape(rows));
                NDArray gateUp = l.mlpNorm() == null ? l.gateUp() : l.gateUp().mul(l.mlpNorm().reshape(1, d));
                out.add(new LayerWeights(null, qkv, bias, l.o(), null, gateUp, l.down()));
                for (NDArray replaced : new NDArray[] {l.qkv(), l.qkvBias(), l.attnNorm(), l.mlpNorm()}) {
                    if (replaced != null) replaced.close();
                }
                if (gateUp != l.gateUp()) l.gateUp().close();
            }
        }
        return out;
    }

    /** @return the architecture */
    ModelConfig config() { return config; }

    /** @return the weights */
    TransformerWeights weights() { return weights; }

    /** @return which attention the model runs and, for the chunked one, why */
    String attentionPath() { return attentionPath; }

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
     * <p>Call inside an {@link ai.djl.ndarray.NDScope}: the logits and the few arrays that outlive the layers are
     * freed when it ends. More than {@code maxPassTokens} tokens run as successive passes over position chunks
     * (chunked prefill), which gives the same logits up to float rounding.
     *
     * @param tokens        int64 {@code [rows, T]} on the model's device
     * @param cache         the cache of these rows
     * @param allPositions  true for logits at every position {@code [rows, T, V]}, false for the last only
     *                      {@code [rows, V]}
     * @return fp32 logits
     */
    NDArray forward(NDArray tokens, KvCache cache, boolean allPositions) {
        int rows = Math.toIntExact(tokens.getShape().get(0));
        int t = Math.toIntExact(tokens.getShape().get(1));
        int chunk = passPositions(rows, t);
        if (chunk >= t) return pass(tokens, cache, allPositions, true);
        NDList parts = new NDList();
        NDArray logits = null;
        for (int s0 = 0; s0 < t; s0 += chunk) {
            int s1 = Math.min(t, s0 + chunk);
            boolean last = s1 == t;
            try (NDScope ignored = new NDScope()) {
                NDArray out = pass(tokens.get(NDIndex.sliceAxis(1, s0, s1)), cache, allPositions, allPositions || last);
                if (out != null) {
                    NDScope.unregister(out);
                    if (allPositions) parts.add(out); else logits = out;
                }
            }
        }
        if (allPositions) {
            logits = NDArrays.concat(parts, 1);
            parts.close();
        }
        NDScope.register(logits);
        return logits;
    }

    /**
     * @return positions of each sequence that one forward pass takes so that it holds at most
     * {@code maxPassTokens} tokens (at least one position)
     */
    int passPositions(int rows, int t) {
        return Math.max(1, Math.min(t, maxPassTokens / Math.max(1, rows)));
    }

    /** One forward pass over all of {@code tokens}; returns null when {@code wantLogits} is false. */
    private NDArray pass(NDArray tokens, KvCache cache, boolean allPositions, boolean wantLogits) {
        Shape ts = tokens.getShape();
        int rows = Math.toIntExact(ts.get(0));
        int t = Math.toIntExact(ts.get(1));
        int pos = cache.length();
        if (rows != cache.rows()) throw new IllegalArgumentException("tokens have " + rows + " rows, cache " + cache.rows());
        ensurePositions(pos + t);
        NDArray cos = cosTable.get(NDIndex.sliceAxis(0, pos, pos + t)).reshape(t, 1, config.headDim());
        NDArray sin = sinTable.get(NDIndex.sliceAxis(0, pos, pos + t)).reshape(t, 1, config.headDim());
        // One token: x*cos + (x @ R)*sin == x @ (I*cos + R*sin), a single product per layer.
        NDArray rotation = t == 1 ? eye.mul(cos.reshape(1, config.headDim())).add(rotateHalf.mul(sin.reshape(1, config.headDim()))) : null;

        NDArray x = Embedding.embedding(tokens, weights.embedding(), SparseFormat.DENSE).singletonOrThrow();
        boolean ownX = false; // true once x is a layer output held outside any scope
        try {
            for (int i = 0; i < config.numLayers(); i++) {
                LayerWeights w = layers.get(i);
                NDArray next;
                try (NDScope ignored = new NDScope()) {
                    NDArray y = x.add(attention(norm(x, null), w, i, cache, pos, t, cos, sin, rotation));
                    next = y.add(mlp(norm(y, null), w));
                    NDScope.unregister(next);
                }
                if (ownX) x.close();
                x = next;
                ownX = true;
            }
        } catch (RuntimeException e) {
            if (ownX) x.close();
            throw e;
        }
        if (ownX) NDScope.register(x);
        cache.advance(t);
        if (!wantLogits) return null;
        NDArray last = allPositions || t == 1 ? x : x.get(NDIndex.sliceAxis(1, t - 1, t));
        NDArray logits = Linear.linear(norm(last, finalScale), head).singletonOrThrow();
        if (!fp32) logits = logits.toType(DataType.FLOAT32, false);
        return allPositions ? logits : logits.reshape(rows, config.vocabSize());
    }

    private NDArray attention(NDArray h, LayerWeights w, int layer, KvCache cache, int pos, int t, NDArray cos,
                              NDArray sin, NDArray rotation) {
        int rows = Math.toIntExact(h.getShape().get(0));
        int heads = config.numHeads();
        int kvHeads = config.numKvHeads();
        int hd = config.headDim();
        NDArray qkv = Linear.linear(h, w.qkv(), w.qkvBias()).singletonOrThrow().reshape(rows, t, heads + 2 * kvHeads, hd);
        NDArray qk = qkv.get(NDIndex.sliceAxis(2, 0, heads + kvHeads));
        NDArray v = qkv.get(NDIndex.sliceAxis(2, heads + kvHeads, heads + 2 * kvHeads));
        NDArray rotated = rotation != null ? qk.matMul(rotation) : qk.mul(cos).add(qk.matMul(rotateHalf).mul(sin));
        // One new token: [rows, 1, H, hd] already has the memory order of [rows, H, 1, hd], so no transpose.
        NDArray q = rotated.get(NDIndex.sliceAxis(2, 0, heads));
        q = t == 1 ? q.reshape(rows, heads, 1, hd) : q.transpose(0, 2, 1, 3);
        NDArray k = rotated.get(NDIndex.sliceAxis(2, heads, heads + kvHeads)).transpose(0, 2, 1, 3);
        cache.write(layer, k, v.transpose(0, 2, 1, 3));
        int end = pos + t;
        NDArray out = scripted != null
                ? heads(scripted.attend(q, cache.keys(layer, end), cache.values(layer, end)), rows, t)
                : attend(q, cache, layer, rows, t, end);
        return Linear.linear(out, w.o()).singletonOrThrow();
    }

    /**
     * Grouped-query attention of {@code t} new queries over {@code end} cached positions. The query heads that
     * share a key/value head are folded into the row dimension, so K and V are never repeated per head.
     *
     * <p>Chunks keep each fp32 score tensor under {@code maxAttentionBytes} and free it before the next one is
     * allocated. Sequences are split first ({@link #sequenceChunks}): a group of whole sequences with all their
     * queries keeps the products large, where splitting every sequence's few queries (a pass of batch 32 holds 32
     * positions per sequence) left chunks of about 5 queries, many tiny products (issue 11: batch-32 prefill at
     * 0.65-0.85x PyTorch eager). Only when one sequence's queries alone exceed the bound are its queries split, in
     * causal-aware chunks ({@link #queryChunks}).
     */
    private NDArray attend(NDArray q, KvCache cache, int layer, int rows, int t, int end) {
        int chunks = sequenceChunks(rows, config.numHeads(), t, end, maxAttentionBytes);
        if (chunks == 1) return heads(attendRows(q, cache, layer, 0, rows, t, end), rows, t);
        NDList groups = new NDList();
        try {
            for (int c = 0; c < chunks; c++) {
                int a = (int) ((long) c * rows / chunks);
                int b = (int) ((long) (c + 1) * rows / chunks);
                try (NDScope ignored = new NDScope()) {
                    NDArray part = attendRows(q.get(NDIndex.sliceAxis(0, a, b)), cache, layer, a, b, t, end);
                    NDScope.unregister(part);
                    groups.add(part);
                }
            }
            return heads(NDArrays.concat(groups, 0), rows, t);
        } finally {
            groups.close();
        }
    }

    /**
     * Chunks of whole sequences that the attention of one pass takes: each chunk holds sequences with all
     * {@code t} of their queries, their fp32 scores over all {@code end} keys ({@code s x heads x t x end x 4}
     * bytes) within {@code maxBytes}; chunk {@code c} holds sequences {@code [c * rows / chunks, (c + 1) * rows /
     * chunks)}, so sizes differ by at most one. When one sequence alone exceeds the bound, every sequence is a
     * chunk and its queries are split by {@link #queryChunks}.
     *
     * @param rows     sequences in the pass
     * @param heads    query heads
     * @param t        new queries per sequence
     * @param end      positions after the step (cached + new)
     * @param maxBytes bound on one chunk's scores, bytes
     * @return number of sequence chunks, {@code 1..rows}
     */
    static int sequenceChunks(int rows, long heads, int t, int end, long maxBytes) {
        long perSequence = Math.max(1, heads) * t * (long) end * 4L;
        long fit = maxBytes / perSequence;
        if (fit >= rows) return 1;
        if (fit <= 1) return rows;
        return (int) ((rows + fit - 1) / fit);
    }

    /**
     * Attention of sequences {@code [a, b)} ({@code q} holds only those), in causal-aware query chunks when their
     * scores exceed the bound.
     *
     * @return {@code [b - a, heads, t, hd]}
     */
    private NDArray attendRows(NDArray q, KvCache cache, int layer, int a, int b, int t, int end) {
        int rows = b - a;
        int[] bounds = queryChunks((long) rows * config.numHeads(), t, end, maxAttentionBytes);
        if (bounds.length == 2) return attendChunk(q, cache, layer, a, b, t, end, 0, t);
        NDList parts = new NDList();
        try {
            for (int c = 0; c + 1 < bounds.length; c++) {
                try (NDScope ignored = new NDScope()) {
                    NDArray part = attendChunk(q, cache, layer, a, b, t, end, bounds[c], bounds[c + 1]);
                    NDScope.unregister(part);
                    parts.add(part);
                }
            }
            return NDArrays.concat(parts, 2);
        } finally {
            parts.close();
        }
    }

    /** Queries a chunk may hold whatever its diagonal block wastes (see {@link #queryChunks}). */
    private static final int MIN_CHUNK_QUERIES = 32;

    /**
     * Splits {@code t} new queries, the last {@code t} of {@code end} positions, into chunks whose fp32 scores over
     * the keys each chunk can see ({@code rowsTimesHeads x n x (end - t + r1) x 4} bytes) stay within
     * {@code maxBytes}, and whose masked diagonal blocks stay small against the keys before them; a chunk has at
     * least one query.
     *
     * @param rowsTimesHeads sequences x query heads
     * @param t              new queries per sequence
     * @param end            positions after the step (cached + new)
     * @param maxBytes       bound on one chunk's scores, bytes
     * @return increasing boundaries {@code 0 = b0 < b1 < ... = t}; chunk i is {@code [b_i, b_{i+1})}
     */
    static int[] queryChunks(long rowsTimesHeads, int t, int end, long maxBytes) {
        int before = end - t;
        long perKey = Math.max(1, rowsTimesHeads) * 4L;
        int[] b = new int[t + 1];
        int count = 0;
        for (int r0 = 0; r0 < t; ) {
            // n queries read before + r0 + n keys; the largest n with n * (before + r0 + n) * perKey <= maxBytes.
            long n = Math.min(t - r0, maxBytes / (perKey * (before + r0 + 1L)));
            while (n > 1 && n * (before + r0 + n) * perKey > maxBytes) n = maxBytes / (perKey * (before + r0 + n));
            // The masked triangle of the chunk's diagonal block is computed and thrown away: n / 2 of the
            // before + r0 + n keys of each query. When the queries must be split anyway, at most 1/16 of the
            // preceding keys (and at least 32 queries, so the products stay large) keeps it near 3 % of the visible
            // scores; sized by the byte bound alone, chunks wasted 12 % at 2,048 tokens and a third in the first
            // pass. Queries that fit in one chunk stay one: splitting a short prompt cost more in smaller products
            // and extra operations than its masked half (prefill of 128 tokens, batch 1: 0.95x instead of 1.05x
            // PyTorch eager).
            if (n < t - r0) n = Math.min(n, Math.max(MIN_CHUNK_QUERIES, (before + r0) / 16));
            b[count++] = r0;
            r0 += (int) Math.max(1, n);
        }
        b[count++] = t;
        return java.util.Arrays.copyOf(b, count);
    }

    /**
     * Attention of queries {@code [r0, r1)} of the {@code t} new ones of sequences {@code [a, b)}:
     * {@code [b - a, heads, r1 - r0, hd]}.
     */
    private NDArray attendChunk(NDArray q, KvCache cache, int layer, int a, int b, int t, int end, int r0, int r1) {
        int rows = b - a;
        int kvHeads = config.numKvHeads();
        int group = config.numHeads() / kvHeads;
        int hd = config.headDim();
        int n = r1 - r0;
        int keysEnd = end - t + r1; // keys past the chunk's last query are masked for all of it: not computed
        NDArray qc = n == t ? q : q.get(NDIndex.sliceAxis(2, r0, r1));
        qc = qc.reshape(rows, kvHeads, (long) group * n, hd);
        NDArray keys = cache.keys(layer, keysEnd);
        NDArray values = cache.values(layer, keysEnd);
        if (rows != cache.rows()) {
            keys = keys.get(NDIndex.sliceAxis(0, a, b));
            values = values.get(NDIndex.sliceAxis(0, a, b));
        }
        NDArray scores = qc.matMul(keys.transpose(0, 1, 3, 2)); // 1/sqrt(hd) is folded into the queries
        if (!fp32) scores = scores.toType(DataType.FLOAT32, false);
        if (n > 1) {
            // The last n key positions are the chunk's own tokens, the diagonal block: mask its strict upper triangle.
            scores.reshape(rows, kvHeads, group, n, keysEnd)
                    .get(NDIndex.sliceAxis(4, keysEnd - n, keysEnd))
                    .addi(causalBlock(n));
        }
        NDArray probs = scores.softmax(3);
        if (!fp32) probs = probs.toType(type, false);
        return probs.matMul(values).reshape(rows, config.numHeads(), n, hd);
    }

    /** {@code [rows, heads, t, hd]} to the {@code [rows, t, heads * hd]} the output projection reads. */
    private NDArray heads(NDArray out, int rows, int t) {
        int hd = config.headDim();
        if (t == 1) return out.reshape(rows, 1, (long) config.numHeads() * hd);
        return out.transpose(0, 2, 1, 3).reshape(rows, t, (long) config.numHeads() * hd);
    }

    /**
     * An additive {@code [n, n]} fp32 mask, 0 on and below the diagonal and -inf above, as a view of one cached
     * mask: the top-left {@code n x n} block of a larger causal mask is the causal mask of size {@code n}, so chunks
     * of every size share it. It grows by doubling.
     */
    private NDArray causalBlock(int n) {
        if (causalMask == null || causalMask.getShape().get(0) < n) {
            int size = Math.max(n, causalMask == null ? 64 : (int) Math.min(Integer.MAX_VALUE / 2, 2 * causalMask.getShape().get(0)));
            try (NDManager tmp = manager.newSubManager()) {
                NDArray idx = tmp.arange(0, size, 1, DataType.INT64);
                NDArray above = idx.reshape(1, size).gt(idx.reshape(size, 1));
                NDArray mask = NDArrays.where(above, tmp.full(new Shape(size, size), Float.NEGATIVE_INFINITY),
                        tmp.zeros(new Shape(size, size)));
                NDArray m = mask.duplicate();
                m.attach(manager);
                NDScope.unregister(m); // cached across steps and runs
                if (causalMask != null) causalMask.close();
                causalMask = m;
            }
        }
        long size = causalMask.getShape().get(0);
        return n == size ? causalMask : causalMask.get(new NDIndex().addSliceDim(0, n).addSliceDim(0, n));
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

    /**
     * RMSNorm (Llama, Qwen2; its learned scale is folded into the next matrix, so {@code scale} is null except
     * for a tied output head), or OLMo's non-parametric layer norm.
     */
    private NDArray norm(NDArray x, NDArray scale) {
        NDArray xf = fp32 ? x : x.toType(DataType.FLOAT32, false);
        int last = xf.getShape().dimension() - 1;
        NDArray y;
        if (!rmsNorm) {
            y = LayerNorm.layerNorm(xf, new Shape(config.hiddenSize()), lnOnes, lnZeros, (float) config.normEps())
                    .singletonOrThrow();
        } else {
            NDArray variance = xf.square().mean(new int[] {last}, true);
            y = xf.mul(variance.add((float) config.normEps()).pow(-0.5f));
        }
        if (!fp32) y = y.toType(type, false);
        return scale == null ? y : y.mul(scale);
    }

    @Override
    public void close() {
        if (scripted != null) scripted.close();
        weights.close();
    }
}
