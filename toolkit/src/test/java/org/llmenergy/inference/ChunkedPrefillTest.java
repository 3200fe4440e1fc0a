package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmenergy.inference.KvCacheConsistencyTest.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chunked prefill (a prompt split into successive forward passes through the KV cache) and chunked attention give
 * the logits and tokens of one pass over the whole prompt, within fp32 tolerance, for every family.
 */
class ChunkedPrefillTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-qwen2", "tiny-olmo"})
    void chunkedPassesMatchTheReferenceLogits(String name) {
        GoldenFixture f = GoldenFixture.load(name);
        long[][] ids = f.inputIds();
        int rows = ids.length;
        // rows x 3 tokens per pass: chunks of 3 positions, the last one shorter unless the prompt divides evenly.
        EngineOptions chunked = EngineOptions.cpu().withMaxPrefillTokens(3 * rows);
        try (InferenceEngine engine = InferenceEngine.load(f.source(), chunked)) {
            assertEquals(3, engine.model().passPositions(rows, ids[0].length), "positions per pass");
            assertClose(f.logits(), engine.logits(ids), GoldenLogitsTest.TOLERANCE, name + " chunked prefill");
        }
        // Both bounds at once: passes of 2 positions, each attending in query chunks of about one row.
        try (InferenceEngine engine = InferenceEngine.load(f.source(),
                chunked.withMaxPrefillTokens(2 * rows).withMaxAttentionBytes(1024))) {
            assertClose(f.logits(), engine.logits(ids), GoldenLogitsTest.TOLERANCE, name + " chunked prefill and attention");
        }
    }

    @Test
    void chunkedPrefillGivesTheSameGreedyTokens() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        int[][] input = f.ints("input_ids");
        int[][] greedy = f.ints("greedy_tokens");
        RunSpec spec = new RunSpec(input.length, input[0].length, greedy[0].length, new Decoding.Greedy(),
                new Prompt.Ids(input), 0);
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu().withMaxPrefillTokens(input.length))) {
            assertEquals(1, engine.model().passPositions(input.length, input[0].length));
            assertArrayEquals(greedy, engine.run(spec).tokens());
        }
    }

    @Test
    void passPositionsDivideTheTokenBoundAmongSequences() {
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 0),
                EngineOptions.cpu().withMaxPrefillTokens(2048))) {
            Transformer m = engine.model();
            assertEquals(256, m.passPositions(8, 512));
            assertEquals(128, m.passPositions(8, 128), "a prompt under the bound is one pass");
            assertEquals(1, m.passPositions(4096, 16), "at least one position per pass");
            assertEquals(1, m.passPositions(8, 1), "a decode step is one pass");
        }
    }

    @Test
    void aBoundBelowOneTokenIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.cpu().withMaxPrefillTokens(0));
    }
}
