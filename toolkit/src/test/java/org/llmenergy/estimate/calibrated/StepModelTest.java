package org.llmenergy.estimate.calibrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llmenergy.model.Presets;

/** The roofline on hand-computed cases. */
class StepModelTest {
    /** Round numbers so the expected values can be computed by hand. */
    static final GpuParameters GPU = new GpuParameters(0.5, 0.8, 0.001, 0.2, 0.6, 0.3);
    static final SharedParameters SHARED = new SharedParameters(0, 10e-6, 1.0, 1.0, 1.0, 0.2, 1.0, 0, 1.0, 1.0);
    static final StepShape LLAMA_8B = StepShape.of(Presets.get("llama-3.1-8b"));

    static StepModel model(int gpus) {
        // H100-like: 1e15 FLOP/s, 3e12 B/s, 450 GB/s per direction, 700 W, bf16 weights
        return new StepModel(LLAMA_8B, new StepModel.Hardware(gpus, 1e15, 3e12, 450e9, 700, 2, false, false), GPU, SHARED);
    }

    @Test
    void decodeAtBatchOneIsMemoryBoundWithTheWeightStreamByHand() {
        StepCost s = model(1).step(1, 1000, 0, 0);
        assertTrue(s.memorySeconds() > 20 * s.computeSeconds(), s.toString());
        // bytes: weights (always-read x 2 B) + KV (1000 tokens x 32 layers x 1024 elements x 2 B) + activations
        double weights = LLAMA_8B.alwaysReadParameters() * 2;
        double kv = 1000.0 * LLAMA_8B.kvElementsPerToken() * 2;
        double act = 4096 * 2.0 * 32 * 8;
        assertEquals((weights + kv + act) / (0.8 * 3e12), s.memorySeconds(), 1e-12);
        assertEquals(StepModel.roofline(s.computeSeconds(), s.memorySeconds()) + 0.001, s.seconds(), 1e-12, "single GPU: no communication");
        assertEquals(s.memorySeconds(), StepModel.roofline(s.computeSeconds(), s.memorySeconds()), 1e-6 * s.memorySeconds(), "far from the ridge the roofline is the larger time");
        assertEquals(0, s.commSeconds());
        // power: TDP x (idle + 0.6 compute share + 0.3 memory share)
        double expectedW = 700 * (0.2 + 0.6 * s.computeSeconds() / s.seconds() + 0.3 * s.memorySeconds() / s.seconds());
        assertEquals(expectedW, s.wattsPerGpu(), 1e-9);
    }

    @Test
    void decodeAtALargeBatchIsComputeBound() {
        StepCost s = model(1).step(4096, 128, 0, 0);
        assertTrue(s.computeBound(), s.toString());
        double flops = 2 * LLAMA_8B.alwaysReadParameters() * 4096 + LLAMA_8B.attentionFlopsPerPair() * 4096 * LLAMA_8B.attendedTokens(128);
        assertEquals(flops / (0.5 * 1e15), s.computeSeconds(), 1e-12);
        assertFalse(model(1).step(1, 128, 0, 0).computeBound());
    }

    @Test
    void tensorParallelHalvesTheBytesPerGpuAndAddsCommunication() {
        StepCost one = model(1).step(8, 512, 0, 0);
        StepCost two = model(2).step(8, 512, 0, 0);
        assertEquals(one.memorySeconds() / 2, two.memorySeconds(), 1e-12);
        assertEquals(one.computeSeconds() / 2, two.computeSeconds(), 1e-12);
        // two all-reduces per layer: latency + ring volume 2 (G-1)/G x tokens x d x 2 B over the link
        double comm = 2 * 32 * (10e-6 + 1.0 * 8 * 4096 * 2 / 450e9);
        assertEquals(comm, two.commSeconds(), 1e-12);
        assertEquals(2, two.gpus());
        assertTrue(two.joules() > 0);
    }

    @Test
    void expertsTouchedGrowWithTheBatchTowardsAllExperts() {
        StepShape moe = StepShape.of(Presets.forModelId("Qwen/Qwen3-30B-A3B-Instruct-2507").orElseThrow());
        assertEquals(8, moe.expertsTouched(1), 1e-9, "one token touches its top-k");
        assertTrue(moe.expertsTouched(16) > 60 && moe.expertsTouched(16) < 128);
        assertEquals(128, moe.expertsTouched(4096), 1e-6);
        assertTrue(moe.activeParameters() < 0.15 * moe.totalParameters());
    }
}
