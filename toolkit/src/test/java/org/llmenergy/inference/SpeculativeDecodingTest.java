package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeculativeDecodingTest {

    @Test
    void greedyVerificationWithARealDraftReproducesGreedy() {
        GoldenFixture target = GoldenFixture.load("tiny-llama");
        GoldenFixture draft = GoldenFixture.load("tiny-qwen2"); // same 128-token vocabulary, different model
        int[][] input = target.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(target.source(), EngineOptions.cpu())) {
            RunSpec greedy = new RunSpec(input.length, input[0].length, 11, new Decoding.Greedy(), new Prompt.Ids(input), 0);
            int[][] expected = engine.run(greedy).tokens();
            for (int gamma : new int[] {1, 3, 4}) {
                RunResult r = engine.run(greedy.withDecoding(new Decoding.Speculative(draft.source(), gamma, null, 0)));
                assertArrayEquals(expected, r.tokens(), "gamma " + gamma);
                assertEquals("verified-greedy", r.speculative().acceptance());
                assertNull(r.speculative().configuredRate());
                assertTrue(r.speculative().accepted() < r.speculative().proposed(), "a different draft is sometimes wrong");
            }
        }
    }

    @Test
    void draftIdenticalToTargetIsAlwaysAccepted() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        int[][] input = f.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            RunSpec spec = new RunSpec(input.length, input[0].length, 11, new Decoding.Greedy(), new Prompt.Ids(input), 0);
            int[][] expected = engine.run(spec).tokens();
            RunResult r = engine.run(spec.withDecoding(new Decoding.Speculative(f.source(), 4, null, 0)));
            assertArrayEquals(expected, r.tokens());
            assertEquals(r.speculative().proposed(), r.speculative().accepted());
            // 1 token from prefill, then 10 in two rounds of 4 accepted proposals + 1 target token.
            assertEquals(2, r.speculative().rounds());
        }
    }

    @Test
    void rejectionSamplingWithAnIdenticalDraftAcceptsNearlyEverything() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        int[][] input = f.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            RunResult r = engine.run(new RunSpec(input.length, input[0].length, 17,
                    new Decoding.Speculative(f.source(), 4, null, 0.8), new Prompt.Ids(input), 3));
            assertEquals("verified-sampling", r.speculative().acceptance());
            assertEquals(17, r.tokens()[0].length);
            // p and q differ only by float rounding, so min(1, p/q) is 1 up to ~1e-6.
            assertTrue(r.speculative().acceptedFraction() > 0.95, "accepted " + r.speculative().acceptedFraction());
        }
    }

    @Test
    void rejectionSamplingWithADifferentDraftStillProducesEveryToken() {
        GoldenFixture target = GoldenFixture.load("tiny-llama");
        GoldenFixture draft = GoldenFixture.load("tiny-olmo");
        int[][] input = target.ints("input_ids");
        try (InferenceEngine engine = InferenceEngine.load(target.source(), EngineOptions.cpu())) {
            RunResult r = engine.run(new RunSpec(input.length, input[0].length, 13,
                    new Decoding.Speculative(draft.source(), 4, null, 1.0), new Prompt.Ids(input), 5));
            assertEquals(13, r.tokens()[1].length);
            for (int[] row : r.tokens()) for (int t : row) assertTrue(t >= 0 && t < 128);
            assertTrue(r.speculative().acceptedFraction() < 0.95, "an unrelated draft is not always right");
        }
    }

    @Test
    void simulatedAcceptanceRunsAtTheConfiguredRate() {
        ModelSource target = new ModelSource.RandomWeights(TestModels.tinyLlama("tiny-target"), 1);
        ModelSource draft = new ModelSource.RandomWeights(TestModels.tinyDraft(), 2);
        try (InferenceEngine engine = InferenceEngine.load(target, EngineOptions.cpu())) {
            RunSpec base = RunSpec.greedy(2, 8, 31, 9);
            RunResult all = engine.run(base.withDecoding(new Decoding.Speculative(draft, 4, 1.0, 0)));
            assertEquals(all.speculative().proposed(), all.speculative().accepted());
            assertEquals(6, all.speculative().rounds()); // 30 tokens after prefill, 5 per round
            RunResult none = engine.run(base.withDecoding(new Decoding.Speculative(draft, 4, 0.0, 0)));
            assertEquals(0, none.speculative().accepted());
            assertEquals(29, none.speculative().rounds()); // the 30th token is a plain target step
            RunResult some = engine.run(base.withDecoding(new Decoding.Speculative(draft, 4, 0.7, 0)));
            assertEquals("simulated", some.speculative().acceptance());
            assertEquals(0.7, some.speculative().configuredRate());
            assertEquals(31, some.tokens()[0].length);
            assertEquals(31, some.tokens()[1].length);
        }
    }

    @Test
    void simulatedPrefixHasTheGeometricMean() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        int n = 200_000;
        long sum = 0;
        for (int i = 0; i < n; i++) sum += SpeculativeGenerator.simulatedPrefix(r, 0.7, 4);
        // E[prefix] = sum_{k=1..4} P(prefix >= k) = 0.7 + 0.49 + 0.343 + 0.2401 = 1.7731; standard error ~0.003.
        assertEquals(1.7731, (double) sum / n, 0.015);
        assertEquals(0, SpeculativeGenerator.simulatedPrefix(r, 0.0, 4));
        assertEquals(4, SpeculativeGenerator.simulatedPrefix(r, 1.0, 4));
    }

    @Test
    void acceptanceSettingMustFitTheWeights() {
        ModelSource random = new ModelSource.RandomWeights(TestModels.tinyLlama("tiny-target"), 1);
        GoldenFixture real = GoldenFixture.load("tiny-llama");
        try (InferenceEngine engine = InferenceEngine.load(random, EngineOptions.cpu())) {
            var e = assertThrows(IllegalArgumentException.class, () -> engine.run(RunSpec.greedy(1, 4, 4, 0)
                    .withDecoding(new Decoding.Speculative(random, 4, null, 0))));
            assertTrue(e.getMessage().contains("needs an acceptance rate"), e.getMessage());
            var v = assertThrows(IllegalArgumentException.class, () -> engine.run(RunSpec.greedy(1, 4, 4, 0)
                    .withDecoding(new Decoding.Speculative(real.source(), 4, 0.5, 0))));
            assertTrue(v.getMessage().contains("vocabulary"), v.getMessage());
        }
        try (InferenceEngine engine = InferenceEngine.load(real.source(), EngineOptions.cpu())) {
            var e = assertThrows(IllegalArgumentException.class, () -> engine.run(RunSpec.greedy(1, 4, 4, 0)
                    .withDecoding(new Decoding.Speculative(real.source(), 4, 0.5, 0))));
            assertTrue(e.getMessage().contains("drop the acceptance rate"), e.getMessage());
        }
    }
}
