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
    void causalChunksMatchOneUnchunkedPassOnALongerPrompt() {
        // Random weights and 2 x 160 random tokens: query chunks of many sizes, passes that start mid-prompt.
        long[][] ids = new long[2][160];
        java.util.Random random = new java.util.Random(7);
        for (long[] row : ids) for (int i = 0; i < row.length; i++) row[i] = random.nextInt(32000);
        EngineOptions whole = EngineOptions.cpu().withMaxPrefillTokens(4096).withMaxAttentionBytes(1L << 30);
        float[] reference;
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 3), whole)) {
            reference = engine.logits(ids);
        }
        for (EngineOptions o : new EngineOptions[] {
                whole.withMaxAttentionBytes(64 << 10),                           // about 10-28 queries per chunk
                whole.withMaxAttentionBytes(1024),                               // one query per chunk
                whole.withMaxPrefillTokens(2 * 48).withMaxAttentionBytes(20 << 10)}) { // passes of 48 positions
            try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 3), o)) {
                assertClose(reference, engine.logits(ids), GoldenLogitsTest.TOLERANCE,
                        "passes of " + o.maxPrefillTokens() + " tokens, scores <= " + o.maxAttentionBytes() + " B");
            }
        }
    }

    @Test
    void sequenceChunksMatchOneUnchunkedPassAtBatchFive() {
        // tiny-15m (6 heads) x 5 sequences of 96 random tokens in passes of 32 positions: one sequence's scores
        // are 6 x 32 x end x 4 bytes, 24-72 KiB.
        long[][] ids = new long[5][96];
        java.util.Random random = new java.util.Random(11);
        for (long[] row : ids) for (int i = 0; i < row.length; i++) row[i] = random.nextInt(32000);
        EngineOptions whole = EngineOptions.cpu().withMaxPrefillTokens(4096).withMaxAttentionBytes(1L << 30);
        float[] reference;
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 5), whole)) {
            reference = engine.logits(ids);
        }
        EngineOptions passes = whole.withMaxPrefillTokens(5 * 32);
        for (long bound : new long[] {
                160 << 10,  // chunks of 2-3 whole sequences with all their queries
                40 << 10,   // one sequence per chunk, its queries split once the keys pass 53
                2 << 10}) { // one sequence and a few queries per chunk
            try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 5),
                    passes.withMaxAttentionBytes(bound))) {
                assertClose(reference, engine.logits(ids), GoldenLogitsTest.TOLERANCE,
                        "passes of 32 positions, scores <= " + bound + " B");
            }
        }
    }

    @Test
    void sequenceChunksHoldWholeSequencesWithinTheBound() {
        // Batch 32 of small-100m (12 heads) in passes of 32 positions, at the last pass of a 2,048-token prompt:
        // one sequence's scores are 3 MiB, so 16 MiB holds 5; 7 chunks of 4-5 sequences, not 32 x 5-query chunks.
        int chunks = Transformer.sequenceChunks(32, 12, 32, 2048, 16L << 20);
        assertEquals(7, chunks);
        for (int c = 0; c < chunks; c++) {
            int size = (c + 1) * 32 / chunks - c * 32 / chunks;
            org.junit.jupiter.api.Assertions.assertTrue(size >= 4 && 12L * size * 32 * 2048 * 4 <= 16L << 20,
                    "chunk " + c + " holds " + size + " sequences");
        }
        assertEquals(1, Transformer.sequenceChunks(32, 12, 32, 128, 16L << 20), "all sequences fit: one chunk");
        assertEquals(8, Transformer.sequenceChunks(8, 12, 1024, 2048, 16L << 20),
                "one sequence exceeds the bound: one chunk each, its queries split");
        assertEquals(16, Transformer.sequenceChunks(32, 12, 32, 2048, 6L << 20), "two sequences per chunk");
    }

    @Test
    void queryChunksCoverTheQueriesWithinTheBoundAndSkipMaskedKeys() {
        long rowsHeads = 12;
        int t = 1024;
        int end = 2048; // the second pass of a 2,048-token prompt
        long bound = 2L << 20;
        int[] b = Transformer.queryChunks(rowsHeads, t, end, bound);
        assertEquals(0, b[0]);
        assertEquals(t, b[b.length - 1]);
        long scored = 0;
        for (int c = 0; c + 1 < b.length; c++) {
            int n = b[c + 1] - b[c];
            long keys = end - t + b[c + 1];
            org.junit.jupiter.api.Assertions.assertTrue(n >= 1, "chunk " + c + " is empty");
            org.junit.jupiter.api.Assertions.assertTrue(n == 1 || rowsHeads * n * keys * 4 <= bound,
                    "chunk " + c + " of " + n + " queries over " + keys + " keys exceeds the bound");
            if (c > 0) {
                org.junit.jupiter.api.Assertions.assertTrue(n <= b[c] - b[c - 1],
                        "later chunks see more keys, so they take no more queries");
            }
            scored += n * keys;
        }
        // Keys a causal mask leaves visible: 1,024 x 1,024 cached plus the 1,024 x 1,025 / 2 triangle of the pass.
        long visible = (long) t * (end - t) + (long) t * (t + 1) / 2;
        org.junit.jupiter.api.Assertions.assertTrue(scored < 1.02 * visible,
                "scores computed " + scored + " vs " + visible + " visible: masked key blocks are skipped");
        // The first pass, where the diagonal blocks are a large share of the keys: masked work stays small.
        int[] first = Transformer.queryChunks(rowsHeads, t, t, bound);
        long firstScored = 0;
        for (int c = 0; c + 1 < first.length; c++) firstScored += (long) (first[c + 1] - first[c]) * first[c + 1];
        long firstVisible = (long) t * (t + 1) / 2;
        org.junit.jupiter.api.Assertions.assertTrue(firstScored < 1.06 * firstVisible,
                "first pass: " + firstScored + " scores computed vs " + firstVisible + " visible");
        assertArrayEquals(new int[] {0, 5}, Transformer.queryChunks(rowsHeads, 5, 5, 1L << 30), "one chunk when it fits");
        assertArrayEquals(new int[] {0, 128}, Transformer.queryChunks(rowsHeads, 128, 128, 16L << 20),
                "a short prompt that fits the bound is not split for its masked half");
        assertArrayEquals(new int[] {0, 1, 2, 3}, Transformer.queryChunks(rowsHeads, 3, 3, 1), "at least one query per chunk");
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
