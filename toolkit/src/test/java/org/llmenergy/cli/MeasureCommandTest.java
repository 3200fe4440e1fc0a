package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llm-energy measure} on the CPU-time estimate, which is what this machine offers. */
class MeasureCommandTest {
    @TempDir
    Path tmp;

    @Test
    void measuresTheChildsCpuTimeAndPassesItsExitCodeThrough() throws Exception {
        Path out = tmp.resolve("m.json");
        // the child burns CPU in a shell loop, then exits 3
        CliRun run = CliRun.of("measure", "--meter", "cpu-estimate", "--interval-ms", "20", "--out", out.toString(),
                "--", "sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exit 3");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("window 'command'"), "the summary goes to stderr: " + run.err());
        JsonNode doc = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("llm-energy.measurement/1", doc.get("schema").asText());
        assertEquals("cpu-estimate", doc.get("meter").asText());
        assertEquals(3, doc.get("exitCode").asInt());
        assertEquals("sh", doc.get("command").get(0).asText());
        JsonNode total = doc.get("total");
        assertTrue(total.get("joules").asDouble() > 0, total.toString());
        assertEquals("cpu-time-estimate", total.get("provenance").get("source").asText());
        assertTrue(total.get("provenance").get("estimate").asBoolean());
        assertEquals("children", total.get("provenance").get("details").get("cpuScope").asText());
        assertTrue(doc.get("totalNet").get("joules").isNull());
        assertTrue(doc.get("totalNet").get("unavailableReason").asText().contains("no idle baseline"));
        // the child's CPU time, not this JVM's: a loop of 200k iterations takes well under 20 s of CPU
        double cpuSeconds = total.get("joules").asDouble()
                / Double.parseDouble(total.get("provenance").get("details").get("wattsPerThread").asText());
        assertTrue(cpuSeconds > 0.01 && cpuSeconds < 20, "child CPU seconds " + cpuSeconds);
    }

    @Test
    void jsonOnStderrWithIdleBaseline() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("measure", "--meter", "cpu-estimate", "--format", "json", "--idle-seconds", "0.05",
                    "--", "sh", "-c", "i=0; while [ $i -lt 50000 ]; do i=$((i+1)); done");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, code);
        JsonNode doc = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
        assertTrue(doc.has("idleBaseline"));
        assertTrue(doc.get("meterChoice").get(0).asText().startsWith("cpu-estimate"));
    }

    @Test
    void anUnknownMeterOrMissingProgramIsAnError() {
        CliRun unknown = CliRun.of("measure", "--meter", "joulemeter", "--", "true");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("unknown meter 'joulemeter'"), unknown.err());
        // a program not found exits 127, as in a shell (MeasureSignalsTest)
        CliRun missing = CliRun.of("measure", "--meter", "cpu-estimate", "--", tmp.resolve("no-such-program").toString());
        assertEquals(127, missing.exit());
        assertTrue(missing.err().contains("no-such-program: no such file"), missing.err());
        assertEquals(2, CliRun.of("measure", "--meter", "cpu-estimate").exit());
        CliRun threshold = CliRun.of("measure", "--meter", "cpu-estimate", "--disagreement-threshold", "0", "--", "true");
        assertEquals(1, threshold.exit());
        assertTrue(threshold.err().contains("--disagreement-threshold must be > 0, was 0.0"), threshold.err());
    }
}
