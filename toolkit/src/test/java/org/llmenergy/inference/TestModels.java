package org.llmenergy.inference;

import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/** Tiny architectures for fast tests with random weights. */
final class TestModels {
    private TestModels() {}

    /** A 2-layer Llama with grouped-query attention, vocabulary 96. */
    static ModelConfig tinyLlama(String name) {
        return new ModelConfig(name, Family.LLAMA, 96, 32, 2, 4, 2, 8, 48, 256, 10000, null, 1e-5, true, false, 0, 0);
    }

    /** A 1-layer Llama with the same vocabulary, as a draft. */
    static ModelConfig tinyDraft() {
        return new ModelConfig("tiny-draft", Family.LLAMA, 96, 16, 1, 2, 1, 8, 32, 256, 10000, null, 1e-5, true, false, 0, 0);
    }
}
