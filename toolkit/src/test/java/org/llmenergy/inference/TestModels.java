package org.llmenergy.inference;

import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/** Tiny architectures for fast tests with random weights. */
final class TestModels {
    private TestModels() {}

    /** A 2-layer Llama with grouped-query attention, vocabulary 96. */
    static ModelConfig tinyLlama(String name) {
        return ModelConfig.builder().setName(name).setFamily(Family.LLAMA).setVocabSize(96).setHiddenSize(32)
                .setNumLayers(2).setNumHeads(4).optNumKvHeads(2).optHeadDim(8).setIntermediateSize(48)
                .optMaxPositions(256).optTieEmbeddings(true).build();
    }

    /** A 1-layer Llama with the same vocabulary, as a draft. */
    static ModelConfig tinyDraft() {
        return ModelConfig.builder().setName("tiny-draft").setFamily(Family.LLAMA)
                .setVocabSize(96).setHiddenSize(16)
                .setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(8).setIntermediateSize(32)
                .optMaxPositions(256).optTieEmbeddings(true).build();
    }
}
