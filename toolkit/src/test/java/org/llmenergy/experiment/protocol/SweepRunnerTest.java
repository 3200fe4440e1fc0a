package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.progress.ProgressListener;
import org.llmenergy.experiment.progress.ProgressSnapshot;
import org.llmenergy.experiment.results.PhaseEnergies;
import org.llmenergy.experiment.results.RepeatMeasurement;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsFile;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.ResultsTable;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.BatchSize;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.spec.SweepSpec;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.units.Provenance;

class SweepRunnerTest {
    @TempDir
    Path dir;

    static final String SPEC = """
            {"name": "e2e", "engine": "synthetic", "models": ["m"],
             "cells": {"grid": {"batch": [1, 4], "input": [16, 64], "output": [1, 8]}},
             "protocol": {"repeats": 2, "warmupBatches": 2, "cooldownSeconds": 0.25, "idleBaselineSeconds": 1,
                          "examplesPerCell": 8, "largeBatchThreshold": 2, "largeBatchExamples": 16}}
            """;

    static SweepSpec spec(String json) { return SpecReader.parse(json, "e2e.json", null); }

    static SweepSummary run(SweepSpec spec, Path out, Shard shard, boolean resume) throws Exception {
        try (Backend b = Backends.create(spec)) {
            return new SweepRunner(spec, b).shard(shard).resume(resume).sleeper(s -> {}).run(out);
        }
    }

    /** @return the file's lines without its start markers, so a test can cut records off as a kill between cells would */
    static List<String> recordLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.contains("\"type\":\"started\"")).toList();
    }

    static Set<String> identities(Path file) throws Exception {
        return ResultsReader.read(file).records().stream().map(StoredRecord::identity).collect(Collectors.toSet());
    }

    @Test
    void endToEndSweepWritesOneCompleteRecordPerCellAndRepeat() throws Exception {
        SweepSpec s = spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        SweepSummary summary = run(s, out, Shard.ALL, false);
        assertEquals(8, summary.cellsInShard());
        assertEquals(8, summary.cellsMeasured());
        assertEquals(16, summary.recordsWritten());

        ResultsFile f = ResultsReader.read(out);
        assertEquals(16, f.records().size());
        assertTrue(f.skipped().isEmpty());
        ResultRecord r = f.records().stream().map(StoredRecord::typed)
                .filter(x -> x.cellKey().equals("synthetic|m|cpu|fp32|default{}|greedy|b=4|i=64|o=8") && x.repeat() == 1)
                .findFirst().orElseThrow();
        assertEquals(ResultRecord.SCHEMA, r.schema());
        assertEquals(s.hash(), r.specHash());
        assertEquals("0/1", r.shard());
        assertEquals("fixed", r.batch().method());
        assertEquals(4, r.batch().resolved());
        assertNotNull(r.environment().jvm());
        assertEquals("test", r.environment().engineVersion());
        assertNotNull(r.startedAt());

        RepeatMeasurement m = r.measurement();
        // batch 4 > threshold 2: 16 requests in 4 batches, normalised to 1,024
        assertEquals(16, m.examples());
        assertEquals(4, m.batches());
        assertEquals(2, m.warmupBatches());
        double prefill = 4 * SyntheticExecutor.prefillJ(4, 64);
        double decode = 4 * SyntheticExecutor.decodeJ(4, 8);
        PhaseEnergies e = m.energy();
        assertEquals(prefill + decode, e.total().gross().joules(), 1e-9);
        assertEquals(prefill, e.prefill().gross().joules(), 1e-9);
        assertEquals(decode, e.decode().gross().joules(), 1e-9);
        assertEquals(prefill, e.prefillWindow().gross().joules(), 1e-9);
        assertEquals(decode, e.decodeWindow().gross().joules(), 1e-9);
        assertEquals(decode * 1024 / 16, e.decode().gross().per1024J(), 1e-9);
        assertEquals(decode / 16, e.decode().gross().perRequestJ(), 1e-9);
        assertEquals(decode / (16 * 7), e.decode().gross().perTokenJ(), 1e-12);
        assertEquals(prefill / (16 * 64), e.prefill().gross().perTokenJ(), 1e-12);
        assertEquals("full-minus-prefill", e.decode().method());
        assertEquals(7L * 16, e.decode().tokens());
        // net of idle: 20 W over each window's seconds (synthetic time = energy / 100 W)
        double decodeS = decode / SyntheticExecutor.WATTS;
        assertEquals(decode - SyntheticBackendFactory.IDLE_W * decodeS, e.decode().net().joules(), 1e-9);
        assertTrue(e.decode().net().provenance().netOfIdle());
        assertFalse(e.decode().gross().provenance().netOfIdle());
        assertEquals(Provenance.Source.MODEL, e.total().gross().provenance().source());
        assertEquals(16 / ((prefill + decode) / SyntheticExecutor.WATTS), m.throughput().requestsPerS(), 1e-9);
        assertEquals(20.0, r.idle().watts());
    }

    @Test
    void outputOfOneTokenHasNoDecodeFigureAndSaysWhy() throws Exception {
        Path out = dir.resolve("r.jsonl");
        run(spec(SPEC), out, Shard.ALL, false);
        ResultRecord r = ResultsReader.read(out).records().stream().map(StoredRecord::typed)
                .filter(x -> x.cell().output() == 1).findFirst().orElseThrow();
        assertNull(r.measurement().energy().decode().gross().joules());
        assertEquals("an output of 1 token has no decode step", r.measurement().energy().decode().gross().missingReason());
        assertNotNull(r.measurement().energy().prefill().gross().joules());
    }

    @Test
    void protocolRunsWarmupThenPrefillAndFullRunsPerRepeat() throws Exception {
        SweepSpec s = spec(SPEC.replace("\"batch\": [1, 4], \"input\": [16, 64], \"output\": [1, 8]",
                "\"batch\": [4], \"input\": [16], \"output\": [8]"));
        SyntheticExecutor ex = new SyntheticExecutor();
        Backend b = new Backend(ex, IdleProbe.unavailable("none"), BatchPredictor.NONE);
        new SweepRunner(s, b).sleeper(x -> {}).run(dir.resolve("r.jsonl"));
        List<String> calls = ex.calls.stream().map(p -> p.purpose() + ":" + p.batchSize() + "x" + p.batches() + ":o="
                + p.outputTokens() + (p.phaseWindows() ? ":phases" : "")).toList();
        assertEquals(List.of("WARMUP:4x2:o=8", "PREFILL:4x4:o=1", "FULL:4x4:o=8:phases", "PREFILL:4x4:o=1",
                "FULL:4x4:o=8:phases"), calls);
        ResultRecord r = ResultsReader.read(dir.resolve("r.jsonl")).records().get(0).typed();
        assertNull(r.measurement().energy().total().net().joules());
        assertEquals("no idle baseline: none", r.measurement().energy().total().net().missingReason());
    }

    @Test
    void cooldownSeparatesCellsButNotTheEnd() throws Exception {
        SweepSpec s = spec(SPEC);
        List<Double> sleeps = new ArrayList<>();
        try (Backend b = Backends.create(s)) {
            new SweepRunner(s, b).sleeper(sleeps::add).run(dir.resolve("r.jsonl"));
        }
        assertEquals(7, sleeps.size());
        assertTrue(sleeps.stream().allMatch(x -> x == 0.25));
    }

    @Test
    void resumeSkipsFinishedCellsAndRunsOnlyMissingRepeats() throws Exception {
        SweepSpec s = spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        run(s, out, Shard.ALL, false);
        Set<String> full = identities(out);
        // drop the last three records (a cell's two repeats and the one before), as if killed between cells
        List<String> lines = recordLines(out);
        Files.write(out, lines.subList(0, lines.size() - 3));
        SweepSummary again = run(s, out, Shard.ALL, true);
        assertEquals(3, again.recordsWritten());
        assertEquals(6, again.cellsSkipped());
        assertEquals(full, identities(out));
        assertEquals(16, ResultsReader.read(out).records().size());
        // nothing left to do
        assertEquals(0, run(s, out, Shard.ALL, true).recordsWritten());
    }

    @Test
    void aSecondRunWithoutResumeRefusesToAppend() throws Exception {
        SweepSpec s = spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        run(s, out, Shard.ALL, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(s, out, Shard.ALL, false));
        assertTrue(e.getMessage().contains("already holds 16 records; pass --resume"), e.getMessage());
        SweepSpec other = spec(SPEC.replace("\"repeats\": 2", "\"repeats\": 1"));
        e = assertThrows(IllegalStateException.class, () -> run(other, out, Shard.ALL, true));
        assertTrue(e.getMessage().contains("holds a record of another spec"), e.getMessage());
    }

    @Test
    void failedCellsAreRecordedAndTheSweepGoesOn() throws Exception {
        SweepSpec s = spec("""
                {"engine": "synthetic", "models": ["failing-a", "ok"],
                 "cells": {"grid": {"batch": [2, 4096], "input": [8], "output": [8]}},
                 "protocol": {"repeats": 2, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                              "examplesPerCell": 4}}
                """);
        Path out = dir.resolve("r.jsonl");
        SweepSummary summary = run(s, out, Shard.ALL, false);
        assertEquals(3, summary.cellsFailed());
        assertEquals(1, summary.cellsMeasured());
        List<ResultRecord> records = ResultsReader.read(out).records().stream().map(StoredRecord::typed).toList();
        assertEquals(5, records.size());
        ResultRecord engine = records.stream().filter(r -> r.cellKey().contains("failing-a") && r.cellKey().contains("b=2|"))
                .findFirst().orElseThrow();
        assertEquals(ResultRecord.FAILURE, engine.type());
        assertEquals("ENGINE_ERROR", engine.failure().kind());
        assertEquals("full", engine.failure().stage());
        assertEquals(0, engine.failure().repeat());
        assertEquals("java.lang.IllegalStateException", engine.failure().exception());
        ResultRecord oom = records.stream().filter(r -> r.cellKey().contains("ok") && r.cellKey().contains("b=4096"))
                .findFirst().orElseThrow();
        assertEquals("OUT_OF_MEMORY", oom.failure().kind());
        assertEquals("prefill", oom.failure().stage());
        assertEquals(4096, oom.failure().batch());
        // a failure finishes the cell: resume does not retry it
        assertEquals(0, run(s, out, Shard.ALL, true).recordsWritten());
    }

    @Test
    void largestBatchIsProbedRecordedAndReusedOnResume() throws Exception {
        SweepSpec s = spec("""
                {"engine": "synthetic", "models": ["m"],
                 "cells": {"grid": {"batch": ["max"], "input": [100], "output": [28]}},
                 "protocol": {"repeats": 2, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                              "examplesPerCell": 64}}
                """);
        Path out = dir.resolve("r.jsonl");
        run(s, out, Shard.ALL, false);
        // synthetic fit: 4096 / 128 = 32; prediction 32 + 16 + 1 = 49 → bisect down to 32
        ResultRecord first = ResultsReader.read(out).records().get(0).typed();
        assertEquals(BatchSize.LARGEST, first.cell().batch());
        assertEquals(32, first.batch().resolved());
        assertEquals(49, first.batch().predicted());
        assertEquals("probed", first.batch().method());
        assertFalse(first.batch().attempts().get(0).fits());
        assertEquals(49, first.batch().attempts().get(0).batch());
        assertEquals(32, first.measurement().batchSize());
        assertEquals(2, first.measurement().batches());
        // resume after losing repeat 1 reuses the batch instead of probing again
        List<String> lines = recordLines(out);
        Files.write(out, lines.subList(0, 1));
        run(s, out, Shard.ALL, true);
        ResultRecord second = ResultsReader.read(out).records().get(1).typed();
        assertEquals(1, second.repeat());
        assertEquals("reused", second.batch().method());
        assertEquals(32, second.batch().resolved());
        assertTrue(second.batch().attempts().isEmpty());
    }

    @Test
    void progressReachesTheEndWithAnEta() throws Exception {
        SweepSpec s = spec(SPEC);
        List<ProgressSnapshot> seen = new ArrayList<>();
        List<ResultRecord> records = new ArrayList<>();
        try (Backend b = Backends.create(s)) {
            new SweepRunner(s, b).sleeper(x -> {}).progress(new ProgressListener() {
                @Override
                public void onProgress(ProgressSnapshot snapshot) { seen.add(snapshot); }

                @Override
                public void onRecord(ResultRecord record) { records.add(record); }
            }).run(dir.resolve("r.jsonl"));
        }
        ProgressSnapshot last = seen.get(seen.size() - 1);
        assertEquals("done", last.stage());
        assertEquals(16, last.repeatsTotal());
        assertEquals(16, last.repeatsDone());
        assertEquals(8, last.cellsDone());
        assertEquals(1.0, last.fraction());
        assertTrue(seen.stream().anyMatch(p -> p.etaS() != null));
        assertTrue(seen.stream().anyMatch(p -> "idle-baseline".equals(p.stage())));
        assertEquals(16, records.size());
        Set<String> stages = new TreeSet<>();
        seen.forEach(p -> stages.add(p.stage().replaceAll("\\d+", "N")));
        assertTrue(stages.containsAll(Set.of("warmup", "repeat N prefill", "repeat N full", "cooldown")), stages.toString());
    }

    @Test
    void recordsLoadIntoATableWithDottedColumns() throws Exception {
        Path out = dir.resolve("r.jsonl");
        run(spec(SPEC), out, Shard.ALL, false);
        var table = ResultsTable.load(out);
        assertEquals(16, table.rowCount());
        var col = table.doubleColumn("measurement.energy.decode.gross.per1024J");
        assertEquals(16, col.size());
        assertEquals(8, col.countMissing(), "the o=1 cells have no decode figure");
        assertEquals("LONG", table.column("cell.input").type().name());
        assertEquals("BOOLEAN", table.column("measurement.energy.total.gross.provenance.valid").type().name());
        assertEquals("model", table.stringColumn("measurement.energy.total.gross.provenance.source").get(0));
        JsonNode first = ResultsReader.read(out).records().get(0).json();
        assertEquals(first.path("cellKey").asText(), table.stringColumn("cellKey").get(0));
    }
}
