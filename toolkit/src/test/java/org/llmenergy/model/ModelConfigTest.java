package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Derived quantities of {@link ModelConfig}, each checked by hand on a shape small enough to count. */
class ModelConfigTest {
    /** d=4, 2 query heads, 1 KV head of dim 2, MLP 8, 1 layer, vocabulary 10, untied head. */
    private static final ModelConfig TINY = ModelConfig.builder().setName("hand").setFamily(Family.LLAMA)
            .setVocabSize(10).setHiddenSize(4).setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(2)
            .setIntermediateSize(8).build();

    /**
     * d=8, 3 layers (the first dense), MLA (kv rank 4, q rank 3, rope 2, nope 2, v 3), 4 routed experts of width 2,
     * top-2, 1 shared expert, dense width 6, vocabulary 10.
     */
    private static final ModelConfig MLA_MOE = ModelConfig.builder().setName("mla-moe").setFamily(Family.DEEPSEEK_V3)
            .setVocabSize(10).setHiddenSize(8).setNumLayers(3).setNumHeads(2).setIntermediateSize(6)
            .optNumExperts(4).optExpertsPerToken(2).optSharedExperts(1).optMoeIntermediateSize(2)
            .optFirstDenseLayers(1).optMla(4, 3, 2, 2, 3).build();

    @Test
    void denseCountsByHand() {
        // attention 4*4 + 2*4*2 + 4*4 = 48, two norms 8, SwiGLU 3*4*8 = 96; embedding 40, head 40, final norm 4
        assertEquals(48, TINY.attentionParametersPerLayer());
        assertEquals(96, TINY.denseMlpParameters());
        assertEquals(48 + 8 + 96 + 40 + 40 + 4, TINY.parameterCount());
        assertEquals(48 + 8 + 96 + 40 + 4, TINY.activeParameterCount(), "embedding lookup excluded, head included");
        assertEquals(TINY.activeParameterCount(), TINY.alwaysReadParameterCount(), "a dense model has no routed experts");
        assertEquals(0, TINY.routedExpertParameters());
        assertEquals(0, TINY.moeLayerCount());
        assertEquals(2 * 1 * 2, TINY.kvCacheElementsPerToken());
        assertEquals(2 * 2 * (2 + 2), TINY.attentionFlopsPerAttendedToken());
        assertEquals(7, TINY.attendedContext(7));
    }

    @Test
    void tiedHeadIsCountedOnceInTotalButMultipliedEveryToken() {
        ModelConfig tied = TINY.toBuilder().optTieEmbeddings(true).build();
        assertEquals(TINY.parameterCount() - 40, tied.parameterCount());
        assertEquals(TINY.activeParameterCount(), tied.activeParameterCount());
    }

    @Test
    void latentAttentionAndSharedExpertsByHand() {
        // q: 8*3 + 3*(2 heads * 4) = 48; kv down 8*(4+2) = 48; kv up 4*2*(2+3) = 40; out 2*3*8 = 48; latent norms 4+3
        assertEquals(48 + 48 + 40 + 48 + 7, MLA_MOE.attentionParametersPerLayer());
        assertEquals(4, MLA_MOE.headDim(), "MLA head dim defaults to nope + rope");
        assertEquals(3 * 8 * 2, MLA_MOE.routedExpertParameters());
        assertEquals(3 * 8 * 2, MLA_MOE.sharedExpertParameters());
        assertEquals(8 * 4 + 4, MLA_MOE.routerParameters(), "DeepSeek's router has a score-correction bias");
        assertFalse(MLA_MOE.isMoeLayer(0));
        assertTrue(MLA_MOE.isMoeLayer(1));
        assertEquals(2, MLA_MOE.moeLayerCount());
        assertEquals(1, MLA_MOE.denseLayerCount());
        long common = 3 * (191 + 16) + 144 + 2 * (48 + 36);   // attention + norms, dense MLP, shared + router
        assertEquals(common + 2 * 4 * 48 + 80 + 80 + 8, MLA_MOE.parameterCount());
        assertEquals(common + 2 * 2 * 48 + 80 + 8, MLA_MOE.activeParameterCount());
        assertEquals(common + 80 + 8, MLA_MOE.alwaysReadParameterCount());
        assertEquals(3 * (4 + 2), MLA_MOE.kvCacheElementsPerToken(), "latent plus shared rotary key per layer");
        assertEquals(2 * 2 * (4 + 3), MLA_MOE.attentionFlopsPerAttendedToken());
    }

    @Test
    void moeLayerPeriodSkipsLayers() {
        ModelConfig everyOther = ModelConfig.builder().setName("x").setFamily(Family.MIXTRAL).setVocabSize(10)
                .setHiddenSize(4).setNumLayers(5).setNumHeads(2).setIntermediateSize(8).optNumExperts(4)
                .optExpertsPerToken(1).optMoeLayerEvery(2).build();
        assertEquals(3, everyOther.moeLayerCount(), "layers 0, 2, 4");
        assertEquals(8, everyOther.moeIntermediateSize(), "expert width defaults to intermediateSize");
    }

    @Test
    void slidingWindowLayersAttendAtMostTheirWindow() {
        ModelConfig alternating = TINY.toBuilder().setNumLayers(4).optSlidingWindow(SlidingWindow.withGlobalEvery(3, 2)).build();
        // layers 0 and 2 local (window 3), 1 and 3 global
        assertEquals(2 * 3 + 2 * 5, alternating.attendedContext(5));
        assertEquals(4 * 2, alternating.attendedContext(2), "below the window every layer sees everything");
        assertEquals(0, alternating.attendedContext(0));
        assertThrows(IllegalArgumentException.class, () -> alternating.attendedContext(-1));

        ModelConfig gemma3 = Presets.get("gemma-3-27b");
        // 62 layers, every 6th global: layers 5, 11, ..., 59 -> 10 global, 52 local of 1024 tokens
        assertEquals(52, gemma3.slidingWindow().localLayers(62));
        assertEquals(10L * 4096 + 52L * 1024, gemma3.attendedContext(4096));
        ModelConfig allLocal = TINY.toBuilder().setNumLayers(3).optSlidingWindow(SlidingWindow.everyLayer(4)).build();
        assertEquals(3 * 4, allLocal.attendedContext(100));
    }

    @Test
    void builderNamesMissingAndInconsistentFields() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> ModelConfig.builder().setName("m").setFamily(Family.LLAMA).setHiddenSize(4).build());
        assertTrue(missing.getMessage().contains("vocabSize"), missing.getMessage());
        var dense = assertThrows(IllegalArgumentException.class, () -> TINY.toBuilder().optSharedExperts(1).build());
        assertTrue(dense.getMessage().contains("sharedExperts"), dense.getMessage());
        var topK = assertThrows(IllegalArgumentException.class,
                () -> TINY.toBuilder().optNumExperts(4).optExpertsPerToken(5).build());
        assertTrue(topK.getMessage().contains("expertsPerToken"), topK.getMessage());
        var mla = assertThrows(IllegalArgumentException.class, () -> TINY.toBuilder().optMla(0, 0, 2, 0, 0).build());
        assertTrue(mla.getMessage().contains("MLA"), mla.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TINY.toBuilder().optNumExperts(2).optExpertsPerToken(1)
                .optFirstDenseLayers(1).build(), "a one-layer model cannot keep its only layer dense and be MoE");
    }

    @Test
    void toBuilderRoundTrips() {
        assertEquals(MLA_MOE, MLA_MOE.toBuilder().build());
        assertEquals(Presets.get("gemma-3-27b"), Presets.get("gemma-3-27b").toBuilder().build());
    }
}
