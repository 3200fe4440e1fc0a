package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmenergy.inference.KvCacheConsistencyTest.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * libtorch's fused attention through the TorchScript block gives the chunked attention's logits and tokens within
 * fp32 tolerance in every case the block distinguishes: a whole prompt (causal), passes that continue the cache
 * (bottom-right mask), one position per pass (decode's folded query heads); with grouped-query attention (tiny-llama:
 * 4 heads over 2) and without (tiny-15m). A missing or unloadable block leaves the chunked attention, with a reason.
 */
class ScriptedAttentionTest {

    @Test
    void theDefaultEngineLoadsTheBlockAndCanBeTurnedOff() {
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 0), EngineOptions.cpu())) {
            assertTrue(engine.attentionPath().startsWith("fused scaled-dot-product attention"), engine.attentionPath());
        }
        try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 0),
                EngineOptions.cpu().withScriptedAttention(false))) {
            assertTrue(engine.attentionPath().startsWith("chunked attention"), engine.attentionPath());
            assertTrue(engine.attentionPath().contains("turned off"), engine.attentionPath());
        }
    }

    @Test
    void aMissingOrBrokenBlockIsUnavailableWithAReason() {
        InferenceEngine.load(ModelSource.parse("tiny-15m", 0), EngineOptions.cpu()).close(); // sets the wait policy first
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            ScriptedAttention.Unavailable missing = assertInstanceOf(ScriptedAttention.Unavailable.class,
                    ScriptedAttention.load(manager, "no_such_attention.pt"));
            assertTrue(missing.reason().contains("no_such_attention.pt is not on the classpath"), missing.reason());
            ScriptedAttention.Unavailable broken = assertInstanceOf(ScriptedAttention.Unavailable.class,
                    ScriptedAttention.load(manager, "broken_attention.pt"));
            assertTrue(broken.reason().startsWith("libtorch could not load broken_attention.pt"), broken.reason());
            ScriptedAttention.Ready ready = assertInstanceOf(ScriptedAttention.Ready.class, ScriptedAttention.load(manager));
            ready.attention().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-15m"})
    void scriptedMatchesChunkedAttention(String name) {
        ModelSource source = name.equals("tiny-llama") ? GoldenFixture.load(name).source() : ModelSource.parse(name, 3);
        int vocab = source.config().vocabSize();
        long[][] ids = new long[2][96];
        Random random = new Random(5);
        for (long[] row : ids) for (int i = 0; i < row.length; i++) row[i] = random.nextInt(vocab);
        EngineOptions whole = EngineOptions.cpu().withMaxPrefillTokens(4096).withMaxAttentionBytes(1L << 30);
        float[] reference;
        try (InferenceEngine engine = InferenceEngine.load(source, whole.withScriptedAttention(false))) {
            reference = engine.logits(ids);
        }
        for (EngineOptions o : new EngineOptions[] {
                whole,                            // one pass: the causal kernel
                whole.withMaxPrefillTokens(2 * 40), // passes of 40 positions continue the cache: the bottom-right mask
                whole.withMaxPrefillTokens(2)}) {  // one position per pass, as in decode: query heads folded per group
            try (InferenceEngine engine = InferenceEngine.load(source, o)) {
                assertTrue(engine.attentionPath().startsWith("fused"), engine.attentionPath());
                assertClose(reference, engine.logits(ids), GoldenLogitsTest.TOLERANCE,
                        name + ", scripted attention, passes of " + o.maxPrefillTokens() / 2 + " positions");
            }
        }
        RunSpec greedy = new RunSpec(2, 40, 24, new Decoding.Greedy(), new Prompt.Ids(firstColumns(ids, 40)), 0);
        int[][] chunkedTokens;
        try (InferenceEngine engine = InferenceEngine.load(source, EngineOptions.cpu().withScriptedAttention(false))) {
            chunkedTokens = engine.run(greedy).tokens();
        }
        try (InferenceEngine engine = InferenceEngine.load(source, EngineOptions.cpu())) {
            assertArrayEquals(chunkedTokens, engine.run(greedy).tokens(), name + ": greedy tokens, scripted vs chunked");
        }
    }

    @Test
    void longPassesThatContinueTheCacheTakeTheRepeatAndTheFoldAlike(@TempDir Path tmp) throws Exception {
        // The block repeats K/V for a continuing pass of more than 512 queries and folds the query heads for fewer;
        // a grouped-query model with room for 1,100 positions, in passes of 520, meets both (then 60 positions).
        Path config = tmp.resolve("config.json");
        Files.writeString(config, """
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64,
                 "intermediate_size": 96, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
                 "head_dim": 16, "vocab_size": 256, "max_position_embeddings": 2048, "rms_norm_eps": 1e-5,
                 "rope_theta": 10000.0, "tie_word_embeddings": false}
                """);
        ModelSource source = ModelSource.parse(config.toString(), 11);
        long[][] ids = new long[1][1100];
        Random random = new Random(9);
        for (int i = 0; i < ids[0].length; i++) ids[0][i] = random.nextInt(256);
        EngineOptions whole = EngineOptions.cpu().withMaxPrefillTokens(4096).withMaxAttentionBytes(1L << 30);
        float[] reference;
        try (InferenceEngine engine = InferenceEngine.load(source, whole.withScriptedAttention(false))) {
            reference = engine.logits(ids);
        }
        try (InferenceEngine engine = InferenceEngine.load(source, whole.withMaxPrefillTokens(520))) {
            assertTrue(engine.attentionPath().startsWith("fused"), engine.attentionPath());
            assertClose(reference, engine.logits(ids), GoldenLogitsTest.TOLERANCE,
                    "scripted attention, passes of 520, 520 (repeated K/V) and 60 (folded heads) positions");
        }
    }

    private static int[][] firstColumns(long[][] ids, int n) {
        int[][] out = new int[ids.length][n];
        for (int r = 0; r < ids.length; r++) for (int i = 0; i < n; i++) out[r][i] = (int) ids[r][i];
        return out;
    }
}
