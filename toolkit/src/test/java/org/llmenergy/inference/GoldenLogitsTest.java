package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DJL transformer against Hugging Face transformers (fp32, CPU): logits of a full forward pass at every
 * position, greedy continuations and beam search, for a tiny Llama (GQA, llama3 rope scaling, sharded
 * checkpoint), Qwen2 (QKV bias, tied embeddings) and OLMo (non-parametric layer norm), each with libtorch's fused
 * attention through TorchScript (the default; {@link ScriptedAttentionTest} checks that it loads) and with the
 * engine's own chunked attention.
 */
class GoldenLogitsTest {
    static final float TOLERANCE = 1e-4f;

    /** The default options (scripted fused attention) and the chunked attention. */
    static final EngineOptions[] PATHS = {EngineOptions.cpu(), EngineOptions.cpu().withScriptedAttention(false)};

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-qwen2", "tiny-olmo"})
    void logitsMatchTransformers(String name) {
        GoldenFixture f = GoldenFixture.load(name);
        float[] expected = f.logits();
        for (EngineOptions options : PATHS) {
            try (InferenceEngine engine = InferenceEngine.load(f.source(), options)) {
                String label = name + ", " + engine.attentionPath();
                float[] actual = engine.logits(f.inputIds());
                assertEquals(expected.length, actual.length);
                float worst = 0;
                float largest = 0;
                for (int i = 0; i < expected.length; i++) {
                    worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                    largest = Math.max(largest, Math.abs(expected[i]));
                }
                assertTrue(largest > 0.5f, "reference logits should be O(1) so the tolerance means something: " + largest);
                assertTrue(worst <= TOLERANCE, label + ": max |logit difference| " + worst + " > " + TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-qwen2", "tiny-olmo"})
    void greedyAndBeamMatchTransformers(String name) {
        GoldenFixture f = GoldenFixture.load(name);
        int[][] input = f.ints("input_ids");
        int[][] greedy = f.ints("greedy_tokens");
        int[][] beam = f.ints("beam_tokens");
        for (EngineOptions options : PATHS) {
            try (InferenceEngine engine = InferenceEngine.load(f.source(), options)) {
                String label = name + ", " + engine.attentionPath();
                RunSpec spec = new RunSpec(input.length, input[0].length, greedy[0].length, new Decoding.Greedy(),
                        new Prompt.Ids(input), 0);
                assertArrayEquals(greedy, engine.run(spec).tokens(), label + ": greedy");
                RunSpec beamSpec = new RunSpec(input.length, input[0].length, beam[0].length,
                        new Decoding.Beam(f.json().get("beam_width").intValue()), new Prompt.Ids(input), 0);
                assertArrayEquals(beam, engine.run(beamSpec).tokens(), label + ": beam");
            }
        }
    }
}
