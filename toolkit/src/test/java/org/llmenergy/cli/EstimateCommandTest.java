package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
    @TempDir Path dir;



    private Path bins() throws IOException {
        Path b = dir.resolve("bins.csv");
        Files.writeString(b, "input_bin,output_bin,requests\n32,8,10\n128,8,5\n");
        return b;
    }

    @Test
    void energiesWithAMissingBinPrintAPartialEstimate() throws IOException {
        Path e = dir.resolve("e.csv");
        Files.writeString(e, "input_bin,output_bin,batch_size,energy_j,source\n32,8,4,2.0,nvml-counter\n");
        CliRun r = CliRun.of("estimate", "--bins", bins().toString(), "--energies", e.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("PARTIAL: 5.0 J over 10 of 15 requests"), r.out());
        assertTrue(r.out().contains("above theoretical: n/a"), r.out());
        assertTrue(r.out().contains("FLAG: peak 309.7 TFLOP/s is the 2:4 structured-SPARSITY"), r.out());
    }

    @Test
    void paperFitAsJsonAndCsv() throws IOException {
        CliRun r = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(false, j.get("partial").asBoolean());
        assertTrue(j.get("percent_above_theoretical").asDouble() > 0, r.out());
        assertTrue(j.get("band_low_j").asDouble() < j.get("total_energy_j").asDouble());
        assertEquals("model", j.get("bins").get(0).get("source").asText());

        CliRun csv = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "csv", "--batch", "8");
        assertEquals(0, csv.exit(), csv.err());
        String[] lines = csv.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("32,8,10,direct,8,1.25,"), lines[1]);
    }

    @Test
    void densePeakHalvesTheBaselineFlagFree() throws IOException {
        CliRun r = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "json", "--peak", "dense");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0, j.get("theoretical_flags").size());
        assertTrue(j.get("theoretical_peak").asText().contains("154.8"));
    }

    @Test
    void errorsGoToStderrWithTheirPlace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "input_bin,output_bin,requests\n32,8,ten\n");
        CliRun r = CliRun.of("estimate", "--bins", bad.toString(), "--source", "paper-fit");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(bad + ":2:3 (requests)"), r.err());
        CliRun neither = CliRun.of("estimate", "--bins", bins().toString());
        assertEquals(1, neither.exit());
        assertTrue(neither.err().contains("exactly one"), neither.err());
        CliRun wrongModel = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--model", "olmo-7b");
        assertEquals(1, wrongModel.exit());
    }

    /** --trace with --results: the bins of a trace priced by the model fitted to a (synthetic) sweep. */
    @Test
    void pricesATraceFromASweepsResults() throws Exception {
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,100,20\n2023-11-16 18:15:47.6805900,100,20\n");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"engine": "synthetic", "models": ["tiny-15m"],
                 "cells": {"controlled": {"batch": [1, 4], "inputs": {"fixedOutput": [8], "minInput": 16, "maxInput": 256},
                                          "outputs": {"fixedInput": [64], "minOutput": 2, "maxOutput": 64}}},
                 "protocol": {"repeats": 1, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                              "examplesPerCell": 4}}
                """);
        Path results = dir.resolve("r.jsonl");
        assertEquals(0, CliRun.of("sweep", spec.toString(), "--out", results.toString(), "--progress", "none").exit());
        CliRun r = CliRun.of("estimate", "--trace", trace.toString(), "--results", results.toString(), "--batch", "4",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        // Both requests sit in bin (128, 32); the synthetic law gives per request 0.002 x 128 + 31 x (0.5 / 4 + 0.01).
        double perRequest = 0.002 * 128 + 31 * (0.5 / 4 + 0.01);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(2 * perRequest, json.get("total_energy_j").doubleValue(), 1e-6);
        assertTrue(r.err().contains("compares different hardware"), r.err());
    }
}
