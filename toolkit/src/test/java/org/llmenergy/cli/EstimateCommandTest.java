package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperNumbers;

class EstimateCommandTest {
    @TempDir Path dir;

    private static final Figure2Fit FIT = Figure2Fit.fit(PaperNumbers.load());

    private Path bins() throws IOException {
        Path b = dir.resolve("bins.csv");
        Files.writeString(b, "input_bin,output_bin,requests\n32,8,10\n128,8,5\n");
        return b;
    }

    /** Three short requests and two beyond the paper's bins (input 9000; output 600). */
    private Path traceWithLongRequests() throws IOException {
        Path t = dir.resolve("long.csv");
        Files.writeString(t, "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,100,20\n2023-11-16 18:15:47.6805900,100,20\n"
                + "2023-11-16 18:15:48.6805900,300,40\n2023-11-16 18:15:49.6805900,9000,50\n"
                + "2023-11-16 18:15:50.6805900,200,600\n");
        return t;
    }

    private static JsonNode json(CliRun r) throws IOException { return new ObjectMapper().readTree(r.out()); }

    @Test
    void jsonHasTheContractsTopLevelFields() throws IOException {
        CliRun r = CliRun.of("estimate", "--source", "paper-fit", "--input", "512", "--output", "256", "--batch", "64",
                "--requests", "10", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("total_j", "per_request_j", "per_output_token_j", "requests", "excluded_requests", "output_tokens",
                "flags", "model", "gpu", "tp", "source", "calibration"), names.subList(0, 12));
        double perRequest = FIT.requestJoules(512, 256, 64);
        assertEquals(10 * perRequest, j.get("total_j").get("value").asDouble(), 1e-9);
        assertEquals(perRequest, j.get("per_request_j").get("value").asDouble(), 1e-9);
        assertEquals(perRequest / 256, j.get("per_output_token_j").get("value").asDouble(), 1e-12);
        assertTrue(j.get("total_j").get("low").asDouble() < 10 * perRequest && j.get("total_j").get("high").asDouble() > 10 * perRequest);
        assertEquals(10, j.get("requests").asLong());
        assertEquals(0, j.get("excluded_requests").asLong());
        assertEquals(2560, j.get("output_tokens").asLong());
        assertEquals("llama-3.1-8b", j.get("model").asText());
        assertEquals("RTX-A6000", j.get("gpu").asText());
        assertEquals(1, j.get("tp").asInt());
        assertEquals("paper-fit", j.get("source").asText());
        assertTrue(j.get("calibration").isNull(), "no calibration behind paper-fit");
        assertTrue(j.get("flags").get(0).has("requests"), j.get("flags").toString());
        assertTrue(j.get("theoretical").get("peak").asText().contains("dense"), "the baseline uses the dense peak by default");
        assertTrue(j.get("prefill_j").asDouble() > 0 && j.get("decode_j").asDouble() > 0);
        assertTrue(j.get("serving_seconds").isNull() && j.get("time_missing").asText().contains("does not model time"));
    }

    /** The example: the calibrated source is the default and names its calibration. */
    @Test
    void theCalibratedSourceIsTheDefaultAndNamesItsCalibration() throws IOException {
        CliRun r = CliRun.of("estimate", "--model", "llama-3.1-8b", "--gpu", "H100", "--max-num-seqs", "64", "--input", "512",
                "--output", "256", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals("calibrated", j.get("source").asText());
        var calibration = org.llmenergy.estimate.calibrated.Calibration.bundled();
        assertEquals(calibration.version(), j.get("calibration").get("version").asText());
        assertEquals(calibration.sha256(), j.get("calibration").get("hash").asText());
        assertEquals(calibration.generation(), j.get("calibration").get("generation").asText(), "the newest by default");
        assertEquals("H100-SXM5-80GB", j.get("gpu").asText());
        JsonNode t = j.get("per_output_token_j");
        assertTrue(t.get("low").asDouble() < t.get("value").asDouble() && t.get("value").asDouble() < t.get("high").asDouble(), t.toString());
        // the calibrated model gives time: power and throughput follow from it
        assertTrue(j.get("serving_seconds").asDouble() > 0);
        assertEquals(j.get("total_j").get("value").asDouble() / j.get("serving_seconds").asDouble(), j.get("mean_power_w").asDouble(), 1e-6);
        assertEquals(256 / j.get("serving_seconds").asDouble(), j.get("output_tokens_per_second").asDouble(), 1e-6);
    }

    @Test
    void calibratedAssumptionsAreFlaggedAndItsRefusalsAreErrors() throws IOException {
        CliRun r = CliRun.of("estimate", "--params", "70B", "--gpu", "H100", "--tp", "4", "--input", "1000", "--output", "300",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode flags = json(r).get("flags");
        assertTrue(flags.toString().contains("default_architecture") && flags.toString().contains("max_num_seqs 256"), flags.toString());
        assertEquals(4, json(r).get("tp").asInt());
        String older = org.llmenergy.estimate.calibrated.Calibration.bundled().generations().stream()
                .filter(g -> !g.equals(org.llmenergy.estimate.calibrated.Calibration.bundled().generation())).findFirst().orElseThrow();
        CliRun old = CliRun.of("estimate", "--gpu", "H100", "--input", "512", "--output", "256", "--generation", older, "--format", "json");
        assertEquals(0, old.exit(), old.err());
        assertEquals(older, json(old).get("calibration").get("generation").asText());
        assertTrue(json(old).get("flags").toString().contains("software generation " + older), old.out());
        CliRun noGpu = CliRun.of("estimate", "--input", "512", "--output", "256");
        assertEquals(1, noGpu.exit());
        assertTrue(noGpu.err().contains("--gpu is required"), noGpu.err());
        Path jamba = Path.of("src/test/resources/hf-configs/jamba-mini.json");
        CliRun hybrid = CliRun.of("estimate", "--model", jamba.toString(), "--gpu", "H100", "--input", "10", "--output", "10");
        assertEquals(1, hybrid.exit(), "a Mamba hybrid is refused, never priced as something else");
        assertTrue(hybrid.err().contains("jamba") && hybrid.err().contains("refused"), hybrid.err());
        CliRun badCount = CliRun.of("estimate", "--params", "seventy", "--gpu", "H100", "--input", "1", "--output", "2");
        assertEquals(1, badCount.exit());
        assertTrue(badCount.err().contains("--params: parameter count 'seventy'"), badCount.err());
    }

    /** The calibrated model prices a trace's long requests at their exact lengths; the paper's bins would exclude them. */
    @Test
    void theCalibratedModelPricesLongRequestsAtTheirExactLengths() throws IOException {
        String trace = traceWithLongRequests().toString();
        CliRun r = CliRun.of("estimate", "--gpu", "H100", "--max-num-seqs", "64", "--trace", trace, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, json(r).get("requests").asLong());
        assertEquals(0, json(r).get("excluded_requests").asLong());
        CliRun binned = CliRun.of("estimate", "--gpu", "H100", "--max-num-seqs", "64", "--trace", trace, "--bins", "paper");
        assertEquals(EstimateCommand.PARTIAL, binned.exit(), binned.err());
    }

    @Test
    void aTraceIsPricedAtItsExactLengthsWithNothingExcluded() throws IOException {
        CliRun r = CliRun.of("estimate", "--source", "paper-fit", "--trace", traceWithLongRequests().toString(), "--batch", "8",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals(5, j.get("requests").asLong());
        assertEquals(0, j.get("excluded_requests").asLong());
        double expected = 2 * FIT.requestJoules(100, 20, 8) + FIT.requestJoules(300, 40, 8) + FIT.requestJoules(9000, 50, 8)
                + FIT.requestJoules(200, 600, 8);
        assertEquals(expected, j.get("total_j").get("value").asDouble(), expected * 1e-12);
        assertEquals(4, j.get("distinct_shapes").asLong());
    }

    @Test
    void thePapersBinsCountTheExcludedAndAPartialAnswerExitsNonZeroUnlessAllowed() throws IOException {
        String trace = traceWithLongRequests().toString();
        CliRun r = CliRun.of("estimate", "--source", "paper-fit", "--trace", trace, "--bins", "paper", "--batch", "8", "--format", "json");
        assertEquals(EstimateCommand.PARTIAL, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals(3, j.get("requests").asLong());
        assertEquals(2, j.get("excluded_requests").asLong());
        assertEquals(9200, j.get("excluded_input_tokens").asLong());
        assertEquals(650, j.get("excluded_output_tokens").asLong());
        assertEquals(2, j.get("exclusions").size());
        assertTrue(j.get("partial").asBoolean());
        // priced at the bins' upper edges: (128, 32) twice and (512, 64) once
        double expected = 2 * FIT.requestJoules(128, 32, 8) + FIT.requestJoules(512, 64, 8);
        assertEquals(expected, j.get("total_j").get("value").asDouble(), expected * 1e-12);
        assertTrue(r.err().contains("excluded: 1 requests (9000 input, 50 output tokens): outside the paper bin grid: input > 8192 tokens"), r.err());
        assertTrue(r.err().contains("PARTIAL: 2 of 5 requests excluded"), r.err());

        CliRun allowed = CliRun.of("estimate", "--source", "paper-fit", "--trace", trace, "--bins", "paper", "--batch", "8",
                "--allow-partial");
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.out().contains("EXCLUDED: 1 requests (200 input, 600 output tokens)"), allowed.out());
        assertTrue(allowed.err().contains("PARTIAL"), allowed.err());
    }

    @Test
    void energiesWithAMissingBinArePartial() throws IOException {
        Path e = dir.resolve("e.csv");
        Files.writeString(e, "input_bin,output_bin,batch_size,energy_j,source\n32,8,4,2.0,nvml-counter\n128,16,4,4.0,nvml-counter\n");
        CliRun r = CliRun.of("estimate", "--bins", bins().toString(), "--source", "energies", e.toString(), "--format", "json");
        assertEquals(EstimateCommand.PARTIAL, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals(5.0, j.get("total_j").get("value").asDouble(), 1e-12);
        assertEquals(10, j.get("requests").asLong());
        assertEquals(5, j.get("excluded_requests").asLong());
        assertTrue(j.get("exclusions").get(0).get("reason").asText().contains("no batch energy for bin (128, 8)"), r.out());
        assertTrue(j.get("prefill_j").isNull(), "per-bin batch energies have no split");
    }

    @Test
    void theSparsePeakIsTheLabelledPaperFigure() throws IOException {
        CliRun r = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--format", "json", "--peak", "sparse");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = json(r).get("theoretical");
        assertTrue(t.get("peak").asText().contains("309.7") && t.get("peak").asText().contains("sparse"), t.toString());
        assertTrue(t.get("flags").get(0).asText().contains("SPARSITY"), t.toString());
        assertTrue(t.get("percent_above").asDouble() > 0, t.toString());
    }

    @Test
    void errorsGoToStderrWithTheirPlaceAndExitOne() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "input_bin,output_bin,requests\n32,8,ten\n");
        CliRun r = CliRun.of("estimate", "--bins", bad.toString(), "--source", "paper-fit");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(bad + ":2:3 (requests)"), r.err());
        CliRun none = CliRun.of("estimate", "--source", "paper-fit");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("exactly one workload"), none.err());
        CliRun wrongModel = CliRun.of("estimate", "--bins", bins().toString(), "--source", "paper-fit", "--model", "olmo-7b");
        assertEquals(1, wrongModel.exit());
        CliRun tp = CliRun.of("estimate", "--input", "1", "--output", "2", "--source", "paper-fit", "--tp", "2");
        assertEquals(1, tp.exit());
        assertTrue(tp.err().contains("--tp 2 needs --source calibrated"), tp.err());
        CliRun noFile = CliRun.of("estimate", "--input", "1", "--output", "2", "--source", "results");
        assertEquals(1, noFile.exit());
        assertTrue(noFile.err().contains("needs a FILE"), noFile.err());
        CliRun binsNoTrace = CliRun.of("estimate", "--bins", "paper", "--source", "paper-fit");
        assertEquals(1, binsNoTrace.exit());
        assertTrue(binsNoTrace.err().contains("give --trace too"), binsNoTrace.err());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun r = CliRun.of("estimate", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("3   a partial answer"), r.out());
    }

    /** --trace with --source results: exact lengths priced by the model fitted to a (synthetic) sweep. */
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
        CliRun r = CliRun.of("estimate", "--trace", trace.toString(), "--source", "results", results.toString(), "--batch", "4",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        // The synthetic law gives per request 0.002 x I + (O - 1) x (0.5 / 4 + 0.01), here at the exact (100, 20).
        double perRequest = 0.002 * 100 + 19 * (0.5 / 4 + 0.01);
        JsonNode j = json(r);
        assertEquals(2 * perRequest, j.get("total_j").get("value").asDouble(), 1e-6);
        assertEquals("results", j.get("source").asText());
        assertEquals("tiny-15m", j.get("model").asText());
        assertTrue(r.err().contains("compares different hardware"), r.err());
        // and the paper's bins put both requests in (128, 32), as the binned estimate did before
        CliRun binned = CliRun.of("estimate", "--trace", trace.toString(), "--bins", "paper", "--source", "results",
                results.toString(), "--batch", "4", "--format", "json");
        assertEquals(2 * (0.002 * 128 + 31 * (0.5 / 4 + 0.01)), json(binned).get("total_j").get("value").asDouble(), 1e-6);
    }
}
