package org.llmenergy.inference;

import org.llmenergy.model.Precision;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;
import org.llmenergy.model.SlidingWindow;

class InferenceEngineTest {
    static final ModelSource TINY = new ModelSource.RandomWeights(TestModels.tinyLlama("tiny-test"), 3);

    @Test
    void runReportsPhasesInOrderWithConsistentTimings() {
        List<String> events = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.load(TINY, EngineOptions.cpu())) {
            RunResult r = engine.run(RunSpec.greedy(3, 7, 5, 1), (phase, edge) -> events.add(phase + " " + edge));
            assertEquals(List.of("PREFILL START", "PREFILL END", "DECODE START", "DECODE END"), events);
            assertEquals(3, r.tokens().length);
            assertEquals(5, r.tokens()[0].length);
            assertTrue(r.prefillSeconds() > 0 && r.decodeSeconds() > 0);
            assertEquals(r.prefillSeconds() + r.decodeSeconds(), r.endToEndSeconds(), 1e-12);
            assertEquals(r.decodeSeconds() / 4, r.timePerOutputTokenSeconds(), 1e-12);
            assertEquals(3 * 7 / r.prefillSeconds(), r.prefillTokensPerSecond(), 1e-6);
            assertEquals(3 * 4 / r.decodeSeconds(), r.decodeTokensPerSecond(), 1e-6);
            assertEquals(3 * 5 / r.endToEndSeconds(), r.outputTokensPerSecond(), 1e-6);
            assertEquals("random(seed=3)", r.weights());
            assertEquals("cpu", r.device());
            assertEquals("fp32", r.precision());
            assertTrue(r.threads() >= 1);
            assertNotNull(r.peakMemory().method());
            if (r.peakMemory().bytes() != null) assertTrue(r.peakMemory().bytes() > 10_000_000L, "RSS includes the JVM");
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("random weights")));
        }
    }

    @Test
    void oneOutputTokenHasNoDecodeRateAndSaysWhy() {
        try (InferenceEngine engine = InferenceEngine.load(TINY, EngineOptions.cpu())) {
            RunResult r = engine.run(RunSpec.greedy(2, 4, 1, 0));
            assertNull(r.timePerOutputTokenSeconds());
            assertNull(r.decodeTokensPerSecond());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("no decode steps")), r.notes().toString());
            assertEquals(1, r.tokens()[0].length);
        }
    }

    @Test
    void sameSeedSameTokensAndSamplingDependsOnIt() {
        try (InferenceEngine engine = InferenceEngine.load(TINY, EngineOptions.cpu())) {
            RunSpec s = RunSpec.greedy(2, 6, 12, 5).withDecoding(new Decoding.TopP(0.9, 1.5));
            int[][] a = engine.run(s).tokens();
            assertArrayEquals(a, engine.run(s).tokens());
            boolean differs = false;
            for (long seed = 6; seed < 10 && !differs; seed++) {
                differs = !java.util.Arrays.deepEquals(a, engine.run(s.withSeed(seed)).tokens());
            }
            assertTrue(differs, "another seed should change the prompt or the samples");
        }
    }

    @Test
    void runsDoNotLeakArraysIntoTheModelManager() {
        try (InferenceEngine engine = InferenceEngine.load(TINY, EngineOptions.cpu())) {
            BaseNDManager manager = (BaseNDManager) engine.model().weights().manager();
            RunSpec spec = RunSpec.greedy(2, 6, 6, 0);
            engine.run(spec); // grows rotary tables and mask cache once
            engine.run(spec.withDecoding(new Decoding.Beam(2)));
            int before = manager.getManagedArrays().size();
            for (Decoding d : List.of(new Decoding.Greedy(), new Decoding.Beam(3), new Decoding.Temperature(1.0))) {
                engine.run(spec.withDecoding(d));
            }
            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    void fp16RunsOnCpuAndStaysCloseToFp32() {
        GoldenFixture f = GoldenFixture.load("tiny-qwen2");
        float[] expected = f.logits();
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu().withPrecision(Precision.FP16))) {
            float[] half = engine.logits(f.inputIds());
            float worst = 0;
            for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - half[i]));
            assertTrue(worst < 0.1f, "fp16 logits within 0.1 of fp32, worst " + worst);
            assertTrue(worst > 0f, "fp16 really ran in half precision");
            assertEquals("fp16", engine.run(RunSpec.greedy(1, 4, 3, 0)).precision());
        }
    }

    @Test
    void aCorruptTokenizerIsNamedWithWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        try (var files = java.nio.file.Files.list(f.dir())) {
            for (var p : files.toList()) java.nio.file.Files.copy(p, tmp.resolve(p.getFileName()));
        }
        java.nio.file.Files.writeString(tmp.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"model\": ");
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.Checkpoint.of(tmp), EngineOptions.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, engine::tokenizer);
            // before the fix: the native parser's message alone, without the file
            assertTrue(e.getMessage().startsWith(tmp.resolve("tokenizer.json") + " is not a valid Hugging Face tokenizer")
                    && e.getMessage().contains("download tokenizer.json again"), e.getMessage());
        }
    }

    @Test
    void textPromptsAreTokenizedWithTheCheckpointTokenizer() {
        GoldenFixture f = GoldenFixture.load("tiny-llama");
        String text = f.json().get("text").textValue();
        long[] expected = new long[f.json().get("text_ids").size()];
        for (int i = 0; i < expected.length; i++) expected[i] = f.json().get("text_ids").get(i).longValue();
        try (InferenceEngine engine = InferenceEngine.load(f.source(), EngineOptions.cpu())) {
            long[] ids = PromptTokens.fromTexts(engine.tokenizer(), List.of(text), 2, 10, 128);
            for (int row = 0; row < 2; row++) {
                assertArrayEquals(java.util.Arrays.copyOf(expected, 10), java.util.Arrays.copyOfRange(ids, row * 10, row * 10 + 10));
            }
            RunResult r = engine.run(new RunSpec(2, 10, 3, new Decoding.Greedy(), new Prompt.Text(List.of(text)), 0));
            assertArrayEquals(r.tokens()[0], r.tokens()[1], "same text, same greedy continuation");
            StringBuilder longText = new StringBuilder();
            for (int i = 0; i < 700; i++) longText.append(" w").append(1 + i % 127);
            long[] many = PromptTokens.fromTexts(engine.tokenizer(), List.of(longText.toString()), 1, 650, 128);
            assertEquals(127, many[126], "no default maximum length cuts a long prompt");
            assertEquals(1 + 649 % 127, many[649]);
            var e = assertThrows(IllegalArgumentException.class, () -> engine.run(new RunSpec(1, 500, 2,
                    new Decoding.Greedy(), new Prompt.Text(List.of(text)), 0)));
            assertTrue(e.getMessage().contains("fewer than the requested input of 500"), e.getMessage());
        }
    }

    @Test
    void refusesWhatItCannotDoWithClearMessages() {
        var bf16 = assertThrows(UnsupportedOperationException.class,
                () -> InferenceEngine.load(TINY, EngineOptions.cpu().withPrecision(Precision.BF16)));
        assertTrue(bf16.getMessage().contains("bfloat16") && bf16.getMessage().contains("fp16"), bf16.getMessage());
        var moe = assertThrows(UnsupportedOperationException.class,
                () -> InferenceEngine.load(new ModelSource.RandomWeights(Presets.get("olmoe-1b-7b"), 0), EngineOptions.cpu()));
        assertTrue(moe.getMessage().contains("mixture-of-experts"), moe.getMessage());
        var qwen3 = assertThrows(UnsupportedOperationException.class,
                () -> InferenceEngine.load(new ModelSource.RandomWeights(Presets.get("qwen3-8b"), 0), EngineOptions.cpu()));
        assertTrue(qwen3.getMessage().contains("QWEN3"), qwen3.getMessage());
        var gpu = assertThrows(IllegalStateException.class,
                () -> InferenceEngine.load(TINY, EngineOptions.cpu().withDevice(ComputeDevice.parse("gpu:7"))));
        assertTrue(gpu.getMessage().contains("GPU.md"), gpu.getMessage());
        try (InferenceEngine engine = InferenceEngine.load(TINY, EngineOptions.cpu())) {
            var text = assertThrows(IllegalArgumentException.class, () -> engine.run(new RunSpec(1, 4, 2,
                    new Decoding.Greedy(), new Prompt.Text(List.of("hello")), 0)));
            assertTrue(text.getMessage().contains("tokenizer.json"), text.getMessage());
            var ids = assertThrows(IllegalArgumentException.class, () -> engine.run(new RunSpec(1, 2, 2,
                    new Decoding.Greedy(), new Prompt.Ids(new int[][] {{1, 96}}), 0)));
            assertTrue(ids.getMessage().contains("row 0, column 1"), ids.getMessage());
        }
    }

    @Test
    void parsesModelArguments() {
        assertTrue(ModelSource.parse("tiny-15m", 4) instanceof ModelSource.RandomWeights r && r.seed() == 4);
        GoldenFixture f = GoldenFixture.load("tiny-olmo");
        assertTrue(ModelSource.parse(f.dir().toString(), 0) instanceof ModelSource.Checkpoint);
        assertTrue(ModelSource.parse(f.dir().resolve("config.json").toString(), 0) instanceof ModelSource.RandomWeights);
        var e = assertThrows(IllegalArgumentException.class, () -> ModelSource.parse("no-such-model", 0));
        assertTrue(e.getMessage().contains("llama-3.1-8b"), e.getMessage());
        assertEquals(Precision.FP16, Precision.parse("float16"));
        assertEquals("gpu:1", ComputeDevice.parse("gpu:1").label());
        assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse("tpu"));
    }

    /** Every family the transformer does not implement is refused, even with a dense, Llama-sized shape. */
    @Test
    void refusesEveryFamilyItDoesNotImplement() {
        for (Family f : Family.values()) {
            ModelConfig shape = TestModels.tinyLlama("as-" + f).toBuilder().setFamily(f).build();
            if (f == Family.LLAMA || f == Family.QWEN2 || f == Family.OLMO) {
                assertDoesNotThrow(() -> InferenceEngine.requireRunnable(shape));
            } else {
                var e = assertThrows(UnsupportedOperationException.class, () -> InferenceEngine.requireRunnable(shape));
                assertTrue(e.getMessage().contains(f.name()), e.getMessage());
            }
        }
        ModelConfig windowed = TestModels.tinyLlama("w").toBuilder().optSlidingWindow(SlidingWindow.everyLayer(16)).build();
        var w = assertThrows(UnsupportedOperationException.class, () -> InferenceEngine.requireRunnable(windowed));
        assertTrue(w.getMessage().contains("sliding-window"), w.getMessage());
        ModelConfig latent = TestModels.tinyLlama("mla").toBuilder().optNumKvHeads(4).optHeadDim(4).optMla(8, 0, 2, 2, 4).build();
        var mla = assertThrows(UnsupportedOperationException.class, () -> InferenceEngine.requireRunnable(latent));
        assertTrue(mla.getMessage().contains("latent attention"), mla.getMessage());
    }
}
