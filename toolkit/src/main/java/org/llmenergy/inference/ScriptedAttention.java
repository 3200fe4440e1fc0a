package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;

/**
 * libtorch's fused scaled-dot-product attention, which DJL 0.36's NDArray API does not expose, called through a
 * TorchScript block ({@code causal_attention.pt}, written by {@code toolkit/src/main/python/make_causal_attention.py}
 * with torch 2.13, loaded by DJL's libtorch 2.7.1). One call per layer replaces the engine's materialised scores,
 * mask and softmax: a decode step runs one multi-threaded kernel per layer instead of three (each wakes the sleeping
 * OpenMP workers, about 50-60 us apiece on the 2-core development machine), and a prefill never writes fp32 scores.
 * The same block runs on a GPU (its mask, when it needs one, is created on the queries' device).
 *
 * <p>Contract: queries {@code [B, H, T, hd]} with 1/sqrt(hd) folded in, keys and values {@code [B, Hkv, S, hd]},
 * the T queries being the last T of the S positions; returns {@code [B, H, T, hd]}.
 */
final class ScriptedAttention implements AutoCloseable {
    /** Classpath resource of the block, next to this class. */
    static final String RESOURCE = "causal_attention.pt";

    private final PtSymbolBlock block;

    private ScriptedAttention(PtSymbolBlock block) {
        this.block = block;
    }

    /** What {@link #load} found: the block, or why the engine uses its own attention instead. */
    sealed interface Loaded permits Ready, Unavailable {}

    /** @param attention the loaded block */
    record Ready(ScriptedAttention attention) implements Loaded {}

    /** @param reason why the block is not used, for the run's provenance and the user */
    record Unavailable(String reason) implements Loaded {}

    /**
     * Loads the block onto {@code manager}'s device.
     *
     * @param manager a PyTorch-engine manager that owns the block
     * @return the block, or why it cannot be used (resource missing, another engine, libtorch refused the file)
     */
    static Loaded load(NDManager manager) {
        return load(manager, RESOURCE);
    }

    /** {@link #load(NDManager)} from another resource next to this class (tests: a missing or broken block). */
    static Loaded load(NDManager manager, String resource) {
        if (!(manager instanceof PtNDManager pt)) {
            return new Unavailable("the engine is " + manager.getEngine().getEngineName() + ", not PyTorch");
        }
        try (InputStream in = ScriptedAttention.class.getResourceAsStream(resource)) {
            if (in == null) return new Unavailable(resource + " is not on the classpath");
            return new Ready(new ScriptedAttention(JniUtils.loadModule(pt, in, true, false)));
        } catch (IOException | RuntimeException e) {
            return new Unavailable("libtorch could not load " + resource + ": " + e.getMessage());
        }
    }

    /**
     * Causal attention of the last {@code T} of {@code S} positions.
     *
     * @param q queries {@code [B, H, T, hd]}, already scaled by 1/sqrt(hd)
     * @param k keys {@code [B, Hkv, S, hd]}
     * @param v values {@code [B, Hkv, S, hd]}
     * @return {@code [B, H, T, hd]}, registered in the current {@link ai.djl.ndarray.NDScope}, owned by q's manager
     */
    NDArray attend(NDArray q, NDArray k, NDArray v) {
        try (IValue iq = IValue.from((PtNDArray) q);
             IValue ik = IValue.from((PtNDArray) k);
             IValue iv = IValue.from((PtNDArray) v);
             IValue out = block.forward(iq, ik, iv)) {
            return out.toTensor((PtNDManager) q.getManager());
        }
    }

    @Override
    public void close() {
        block.close();
    }
}
