package org.llmenergy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlopsModelTest {
    /** d=4, 2 query heads, 1 KV head, head dim 2, MLP 8, 1 layer, vocabulary 10. */
    private static final ModelConfig TINY = ModelConfig.builder().setName("hand").setFamily(Family.LLAMA)
            .setVocabSize(10).setHiddenSize(4)
            .setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(2).setIntermediateSize(8)
            .optMaxPositions(64).build();

    @Test
    void perTokenTermsByHand() {
        FlopsModel m = FlopsModel.of(TINY);
        // Q 2*4*4=32, K+V 2*2*4*2=32, O 2*4*4=32, MLP 2*3*4*8=192 -> 288 per token per layer, one layer
        assertEquals(288, m.linearFlopsPerToken());
        // LM head 2*4*10
        assertEquals(80, m.lmHeadFlopsPerPosition());
        // 4 * (2 heads * 2 dims) * 1 layer per query-key pair
        assertEquals(16, m.attentionFlopsPerPair());
    }

    @Test
    void prefillByHandForEachOption() {
        // I = 3: weights 3*288 = 864
        assertEquals(864 + 80 + 16 * 6, FlopsModel.of(TINY).prefill(3));                 // causal: 3*4/2 = 6 pairs, head once
        FlopsModel ds = new FlopsModel(TINY, FlopsOptions.DEEPSPEED_EAGER);
        assertEquals(864 + 3 * 80 + 16 * 9, ds.prefill(3));                               // full square, head on all 3
        FlopsModel sdpa = new FlopsModel(TINY, new FlopsOptions(LmHeadPolicy.ALL_POSITIONS, PrefillAttention.NOT_COUNTED, true));
        assertEquals(864 + 3 * 80, sdpa.prefill(3));
    }

    @Test
    void decodeByHand() {
        FlopsModel m = FlopsModel.of(TINY);
        // I = 3, O = 3: two decode steps attending 4 and 5 keys
        assertEquals((288 + 80) * 2 + 16 * (4 + 5), m.decode(3, 3));
        assertEquals(m.decodeStep(4) + m.decodeStep(5), m.decode(3, 3));
        assertEquals(0, m.decode(3, 1), "one output token comes from prefill alone");
        FlopsModel noAttn = new FlopsModel(TINY, new FlopsOptions(LmHeadPolicy.LAST_POSITION, PrefillAttention.CAUSAL, false));
        assertEquals((288 + 80) * 2, noAttn.decode(3, 3));
        RequestFlops r = m.request(3, 3);
        assertEquals(1040 + 880, r.total());
    }

    @Test
    void oneTokenPrefillEqualsADecodeStepOverOneKey() {
        FlopsModel m = FlopsModel.of(Presets.get("llama-3.1-8b"));
        assertEquals(m.decodeStep(1), m.prefill(1), 1e-3);
    }

    @Test
    void mixtureOfExpertsCountsActiveExpertsAndRouter() {
        ModelConfig moe = ModelConfig.builder().setName("moe").setFamily(Family.OLMO)
                .setVocabSize(10).setHiddenSize(4)
                .setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(2).setIntermediateSize(8)
                .optMaxPositions(64).optNumExperts(4).optExpertsPerToken(2).build();
        // attention 96 + 2 active experts * 192 + router 2*4*4
        assertEquals(96 + 2 * 192 + 32, FlopsModel.of(moe).linearFlopsPerToken());
    }

    @Test
    void llama8bShortContextIsTwoFlopsPerNonEmbeddingParameter() {
        ModelConfig llama = Presets.get("llama-3.1-8b");
        FlopsModel m = FlopsModel.of(llama);
        double nonEmbedding = llama.parameterCount() - (double) llama.vocabSize() * llama.hiddenSize();
        double perToken = m.decodeStep(16);
        assertEquals(2 * nonEmbedding, perToken, 2 * nonEmbedding * 0.002);
        // the "2 x 8.03e9" rule of thumb counts the embedding lookup too, about 7% more
        assertEquals(0.935, perToken / (2.0 * llama.parameterCount()), 0.005);
        // a 512-in, 512-out request: 512 prompt tokens and 511 decode steps through the layers, 512 LM heads,
        // plus about 2% attention at this length
        double weights = 1023 * m.linearFlopsPerToken() + 512 * m.lmHeadFlopsPerPosition();
        double request = m.request(512, 512).total();
        assertTrue(request > weights && request < 1.03 * weights, Double.toString(request / weights));
    }

    @Test
    void deepSpeedReadingCountsMoreThanTheKvCachedOne() {
        ModelConfig llama = Presets.get("llama-3.1-8b");
        double kv = FlopsModel.of(llama).prefill(2048);
        double ds = new FlopsModel(llama, FlopsOptions.DEEPSPEED_EAGER).prefill(2048);
        // LM head on all positions (+7%) and the masked half of attention
        assertTrue(ds / kv > 1.07 && ds / kv < 1.2, Double.toString(ds / kv));
    }

    @Test
    void rejectsEmptyRequests() {
        FlopsModel m = FlopsModel.of(TINY);
        assertThrows(IllegalArgumentException.class, () -> m.prefill(0));
        assertThrows(IllegalArgumentException.class, () -> m.decode(4, 0));
    }

    @Test
    void slidingWindowLayersCapTheirKeys() {
        // two layers of TINY's shape: layer 0 local with a 2-token window, layer 1 global; 16 FLOPs per pair and layer
        ModelConfig windowed = TINY.toBuilder().setNumLayers(2).optSlidingWindow(SlidingWindow.withGlobalEvery(2, 2)).build();
        FlopsModel m = FlopsModel.of(windowed);
        double linear = m.linearFlopsPerToken();
        assertEquals(2 * 288, linear);
        // causal prefill of 4: global 1+2+3+4 = 10 pairs, local 1+2+2+2 = 7 pairs
        assertEquals(4 * linear + 80 + 16 * (10 + 7), m.prefill(4));
        // decode I = 4, O = 3: steps attend 5 and 6 keys globally, 2 and 2 locally
        assertEquals(2 * (linear + 80) + 16 * (5 + 6 + 2 + 2), m.decode(4, 3));
        assertEquals(m.decodeStep(5) + m.decodeStep(6), m.decode(4, 3));
    }

    @Test
    void latentAttentionUsesItsOwnHeadDimensions() {
        ModelConfig ds = Presets.get("deepseek-v3.1");
        // 2 * 128 heads * (192 + 128) per pair and layer, 61 layers
        assertEquals(2.0 * 128 * 320 * 61, FlopsModel.of(ds).attentionFlopsPerPair());
        assertEquals(2.0 * ds.activeParameterCount() - 2.0 * ds.lmHeadParameters(),
                FlopsModel.of(ds).linearFlopsPerToken(), 2e-4 * ds.activeParameterCount(),
                "matmul FLOPs are twice the active weights (norms and biases are a rounding error)");
    }
}
