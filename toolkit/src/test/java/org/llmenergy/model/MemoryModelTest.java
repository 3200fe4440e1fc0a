package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;

class MemoryModelTest {
    private static final ModelConfig TINY = ModelConfig.builder().setName("hand").setFamily(Family.LLAMA)
            .setVocabSize(10).setHiddenSize(4)
            .setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(2).setIntermediateSize(8)
            .optMaxPositions(64).build();

    private static MemoryAssumptions plain(double usable, int chunk, boolean scores, int cap) {
        return new MemoryAssumptions(Precision.BF16, Precision.BF16, Precision.BF16, usable, 0, 1, chunk,
                LmHeadPolicy.LAST_POSITION, scores, cap);
    }

    @Test
    void llama8bKvCacheIs128KibPerTokenInBf16() {
        MemoryModel m = new MemoryModel(Presets.get("llama-3.1-8b"), MemoryAssumptions.vllmBf16());
        assertEquals(2L * 32 * 8 * 128 * 2, m.kvBytesPerToken());
        assertEquals(131072, m.kvBytesPerToken());
        assertEquals(Presets.get("llama-3.1-8b").parameterCount() * 2, m.weightBytes());
    }

    @Test
    void tinyFootprintByHand() {
        MemoryModel m = new MemoryModel(TINY, plain(1.0, 0, false, 64));
        long params = TINY.parameterCount();
        // KV per token: 2 * 1 layer * 1 head * 2 dims * 2 bytes = 8; batch 3 of 5+2 tokens
        assertEquals(8, m.kvBytesPerToken());
        assertEquals(3 * 7 * 8, m.kvCacheBytes(3, 5, 2));
        // per token: 2*4 + max(2*4 + 2*2, 3*8) = 32 elements = 64 bytes; prefill of 15 tokens plus 3 fp32 logit rows of 40 bytes
        assertEquals(15 * 64 + 3 * 40, m.activationBytes(3, 5));
        MemoryFootprint f = m.footprint(3, 5, 2, 10_000);
        assertEquals(params * 2 + 168 + 1080, f.total());
        assertEquals(10_000, f.budget());
    }

    @Test
    void pagedBlocksRoundUpEachSequence() {
        MemoryAssumptions paged = new MemoryAssumptions(Precision.BF16, Precision.BF16, Precision.BF16, 1.0, 0, 16, 0,
                LmHeadPolicy.LAST_POSITION, false, 64);
        assertEquals(2 * 16 * 8, new MemoryModel(TINY, paged).kvCacheBytes(2, 5, 2));
    }

    @Test
    void eagerScoresAndAllPositionLogitsCostMore() {
        MemoryModel flash = new MemoryModel(TINY, plain(1.0, 0, false, 64));
        MemoryModel eager = new MemoryModel(TINY, plain(1.0, 0, true, 64));
        // scores and softmax: 2 * 15 tokens * 2 heads * 5 keys * 2 bytes
        assertEquals(flash.activationBytes(3, 5) + 2 * 15 * 2 * 5 * 2, eager.activationBytes(3, 5));
    }

    @Test
    void largestBatchIsTheEdgeOfTheBudget() {
        ModelConfig llama = Presets.get("llama-3.1-8b");
        GpuSpec a6000 = GpuCatalog.builtIn().get("RTX-A6000");
        MemoryModel m = new MemoryModel(llama, MemoryAssumptions.vllmBf16());
        LargestBatch lb = m.largestBatch(512, 64, a6000);
        int b = lb.batchSize().orElseThrow();
        assertEquals(LargestBatch.Limit.MEMORY, lb.limit());
        assertTrue(m.footprint(b, 512, 64, a6000).fits());
        assertFalse(m.footprint(b + 1, 512, 64, a6000).fits());
        // ~28 GiB left for a 128 KiB/token cache: a few hundred 576-token sequences
        assertTrue(b > 250 && b < 450, Integer.toString(b));
        int longer = m.largestBatch(8192, 512, a6000).batchSize().orElseThrow();
        assertTrue(longer < b / 10, longer + " vs " + b);
        assertTrue(lb.explanation().contains("would not fit"), lb.explanation());
    }

    @Test
    void capAndNothingFits() {
        MemoryModel m = new MemoryModel(TINY, plain(1.0, 0, false, 8));
        LargestBatch capped = m.largestBatch(5, 2, 1L << 30);
        assertEquals(8, capped.batchSize().orElseThrow());
        assertEquals(LargestBatch.Limit.CAP, capped.limit());
        LargestBatch none = m.largestBatch(5, 2, 100);
        assertTrue(none.batchSize().isEmpty());
        assertEquals(LargestBatch.Limit.NOTHING_FITS, none.limit());
        assertTrue(none.explanation().contains("one sequence"), none.explanation());
    }

    @Test
    void headroomShrinksTheBatch() {
        ModelConfig llama = Presets.get("llama-3.1-8b");
        GpuSpec a6000 = GpuCatalog.builtIn().get("RTX-A6000");
        int loose = new MemoryModel(llama, MemoryAssumptions.vllmBf16()).largestBatch(1024, 128, a6000).batchSize().orElseThrow();
        int tight = new MemoryModel(llama, MemoryAssumptions.vllmBf16().withUsableFraction(0.6)).largestBatch(1024, 128, a6000)
                .batchSize().orElseThrow();
        assertTrue(tight < loose, tight + " vs " + loose);
    }
}
