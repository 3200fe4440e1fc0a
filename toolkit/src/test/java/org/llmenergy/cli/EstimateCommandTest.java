package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path bins() throws IOException {
        Path b = dir.resolve("bins.csv");
        Files.writeString(b, "input_bin,output_bin,requests\n32,8,10\n128,8,5\n");
        return b;
    }

    @Test
    void energiesWithAMissingBinPrintAPartialEstimate() throws IOException {
        Path e = dir.resolve("e.csv");
        Files.writeString(e, "input_bin,output_bin,batch_size,energy_j,source\n32,8,4,2.0,nvml-counter\n");
        Run r = run("estimate", "--bins", bins().toString(), "--energies", e.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PARTIAL: 5.0 J over 10 of 15 requests"), r.out());
        assertTrue(r.out().contains("above theoretical: n/a"), r.out());
        assertTrue(r.out().contains("FLAG: peak 309.7 TFLOP/s is the 2:4 structured-SPARSITY"), r.out());
    }

    @Test
    void paperFitAsJsonAndCsv() throws IOException {
        Run r = run("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(false, j.get("partial").asBoolean());
        assertTrue(j.get("percent_above_theoretical").asDouble() > 0, r.out());
        assertTrue(j.get("band_low_j").asDouble() < j.get("total_energy_j").asDouble());
        assertEquals("model", j.get("bins").get(0).get("source").asText());

        Run csv = run("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "csv", "--batch", "8");
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("32,8,10,direct,8,1.25,"), lines[1]);
    }

    @Test
    void densePeakHalvesTheBaselineFlagFree() throws IOException {
        Run r = run("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "json", "--peak", "dense");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0, j.get("theoretical_flags").size());
        assertTrue(j.get("theoretical_peak").asText().contains("154.8"));
    }

    @Test
    void errorsGoToStderrWithTheirPlace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "input_bin,output_bin,requests\n32,8,ten\n");
        Run r = run("estimate", "--bins", bad.toString(), "--source", "paper-fit");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":2:3 (requests)"), r.err());
        Run neither = run("estimate", "--bins", bins().toString());
        assertEquals(1, neither.code());
        assertTrue(neither.err().contains("exactly one"), neither.err());
        Run wrongModel = run("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--model", "olmo-7b");
        assertEquals(1, wrongModel.code());
    }
}
