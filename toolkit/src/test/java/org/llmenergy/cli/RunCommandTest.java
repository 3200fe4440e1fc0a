package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    /** Runs the CLI and returns {exit code, stdout, stderr}. */
    private static Object[] cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String fixture(String name) throws Exception {
        return Path.of(RunCommandTest.class.getResource("/golden/" + name).toURI()).toString();
    }

    @Test
    void printsRepeatsAndSummaryAsJson() throws Exception {
        Object[] r = cli("run", "--model", fixture("tiny-llama"), "--batch", "2", "--input", "5", "--output", "4",
                "--warmup", "0", "--repeats", "2", "--decoding", "beam", "--beam-width", "2", "--tokens",
                "--meter", "cpu-estimate");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode j = new ObjectMapper().readTree((String) r[1]);
        assertEquals("llm-energy/run/1", j.get("schema").textValue());
        assertEquals("tiny-llama", j.get("model").textValue());
        assertEquals("beam(k=2)", j.get("decoding").textValue());
        assertEquals(2, j.get("repeats").size());
        JsonNode first = j.get("repeats").get(0);
        assertTrue(first.get("prefill_s").doubleValue() > 0);
        assertEquals(first.get("decode_s").doubleValue() / 3, first.get("time_per_output_token_s").doubleValue(), 1e-12);
        assertEquals(2, first.get("tokens").size());
        assertEquals(4, first.get("tokens").get(0).size());
        assertEquals(2, j.get("summary").get("decode_s").get("n").intValue());
        // Energy: a prefill and a decode window per measured repeat, each labelled an estimate on this meter.
        JsonNode energy = j.get("energy");
        assertEquals("CPU_ESTIMATE", energy.get("meter").textValue());
        assertEquals(2, energy.get("repeats").size());
        for (JsonNode rep : energy.get("repeats")) {
            for (String phase : new String[] {"prefill", "decode"}) {
                JsonNode total = rep.get(phase).get("total");
                assertTrue(total.get("joules").isNumber() || total.get("unavailableReason").isTextual(), total.toString());
                assertEquals("cpu-time-estimate", total.get("provenance").get("source").textValue());
                assertTrue(total.get("provenance").get("estimate").booleanValue());
            }
        }
    }

    @Test
    void speculativeWithRandomWeightsAndCsv() {
        Object[] r = cli("run", "--model", "tiny-15m", "--batch", "1", "--input", "8", "--output", "6", "--warmup", "0",
                "--repeats", "1", "--decoding", "speculative", "--draft", "tiny-15m", "--acceptance-rate", "0.5",
                "--format", "csv", "--threads", "1");
        assertEquals(0, r[0], (String) r[2]);
        String[] lines = ((String) r[1]).trim().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("repeat,model,batch,input,output,decoding"));
        assertTrue(lines[1].startsWith("0,tiny-15m,1,8,6,\"speculative(gamma=4,acceptance=0.5)\",cpu,fp32,"), lines[1]);
    }

    @Test
    void errorsGoToStderrWithExitCodeOne() {
        Object[] bf16 = cli("run", "--model", "tiny-15m", "--batch", "1", "--input", "4", "--output", "2", "--dtype", "bf16");
        assertEquals(1, bf16[0]);
        assertTrue(((String) bf16[2]).startsWith("llm-energy: dtype bf16 is not supported"), (String) bf16[2]);
        Object[] noDraft = cli("run", "--model", "tiny-15m", "--batch", "1", "--input", "4", "--output", "2",
                "--decoding", "speculative");
        assertEquals(1, noDraft[0]);
        assertTrue(((String) noDraft[2]).contains("needs --draft"), (String) noDraft[2]);
    }

    @Test
    void maxPrefillTokensRunsThePrefillInPassesWithTheSameTokens() throws Exception {
        String[] base = {"run", "--model", fixture("tiny-llama"), "--batch", "2", "--input", "7", "--output", "5",
                "--warmup", "0", "--repeats", "1", "--tokens", "--meter", "cpu-estimate"};
        Object[] whole = cli(base);
        // 2 tokens per pass at batch 2: one position per pass, seven passes through the KV cache.
        String[] chunked = java.util.Arrays.copyOf(base, base.length + 2);
        chunked[base.length] = "--max-prefill-tokens";
        chunked[base.length + 1] = "2";
        Object[] passes = cli(chunked);
        assertEquals(0, whole[0], (String) whole[2]);
        assertEquals(0, passes[0], (String) passes[2]);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree((String) whole[1]).get("repeats").get(0).get("tokens");
        JsonNode b = json.readTree((String) passes[1]).get("repeats").get(0).get("tokens");
        assertEquals(2, a.size());
        assertEquals(a, b, "greedy tokens after a chunked prefill");

        chunked[base.length + 1] = "0";
        Object[] zero = cli(chunked);
        assertEquals(1, zero[0]);
        assertTrue(((String) zero[2]).contains("--max-prefill-tokens must be at least 1"), (String) zero[2]);
        Object[] help = cli("run", "--help");
        assertTrue(((String) help[1]).contains("--max-prefill-tokens"), (String) help[1]);
    }

    @Test
    void attentionFusedOrChunkedGivesTheSameTokensAndSaysWhichRan() throws Exception {
        String[] base = {"run", "--model", fixture("tiny-llama"), "--batch", "2", "--input", "6", "--output", "4",
                "--warmup", "0", "--repeats", "1", "--tokens", "--meter", "cpu-estimate", "--attention", "fused"};
        Object[] fused = cli(base);
        base[base.length - 1] = "chunked";
        Object[] chunked = cli(base);
        assertEquals(0, fused[0], (String) fused[2]);
        assertEquals(0, chunked[0], (String) chunked[2]);
        ObjectMapper json = new ObjectMapper();
        JsonNode f = json.readTree((String) fused[1]);
        JsonNode c = json.readTree((String) chunked[1]);
        assertTrue(f.get("attention").textValue().startsWith("fused scaled-dot-product attention"), f.get("attention").toString());
        assertTrue(c.get("attention").textValue().startsWith("chunked attention"), c.get("attention").toString());
        assertTrue(c.get("attention").textValue().contains("turned off"), c.get("attention").toString());
        assertEquals(f.get("repeats").get(0).get("tokens"), c.get("repeats").get(0).get("tokens"));
        base[base.length - 1] = "flash";
        Object[] bad = cli(base);
        assertEquals(1, bad[0]);
        assertTrue(((String) bad[2]).contains("unknown --attention 'flash' (use fused or chunked)"), (String) bad[2]);
    }
}
