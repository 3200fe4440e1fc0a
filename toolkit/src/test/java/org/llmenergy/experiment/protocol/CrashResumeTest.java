package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.ResultsFile;
import org.llmenergy.experiment.results.ResultsMerger;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that kills the sweep process (as the out-of-memory killer does) must not stop the sweep for ever: on
 * resume it becomes a CRASHED failure record and the later cells run (issue 10, item 2).
 */
class CrashResumeTest {
    private static final String SPEC = """
            {"name": "crash", "engine": "synthetic", "models": ["crashing-a", "m"],
             "cells": {"grid": {"batch": [1], "input": [8], "output": [2, 4]}},
             "protocol": {"repeats": 2, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 2}}
            """;

    @TempDir
    Path dir;

    private int sweep(Path spec, Path out, int retries) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), KillTestSweepMain.class.getName(), spec.toString(),
                out.toString(), Integer.toString(retries)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static List<String> failureKinds(Path out) throws Exception {
        return ResultsReader.read(out).records().stream().filter(StoredRecord::isFailure)
                .map(r -> r.json().path("failure").path("kind").asText() + " " + r.json().path("cell").path("output"))
                .toList();
    }

    @Test
    void aCellThatKillsTheProcessIsRecordedAsCrashedAndTheSweepGoesOn() throws Exception {
        Path spec = dir.resolve("crash.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("r.jsonl");
        assertEquals(137, sweep(spec, out, 0), "the first cell kills the process");
        ResultsFile first = ResultsReader.read(out);
        assertEquals(0, first.records().size());
        assertEquals(1, first.markers().size());

        // before the fix, every resume died in the same cell
        assertEquals(137, sweep(spec, out, 0), "resume records cell 0 as crashed, then cell 1 kills it");
        assertEquals(List.of("CRASHED 2"), failureKinds(out));
        assertEquals(0, sweep(spec, out, 0), Files.readString(dir.resolve("child.log")));
        assertEquals(List.of("CRASHED 2", "CRASHED 4"), failureKinds(out));
        ResultsFile done = ResultsReader.read(out);
        assertEquals(4, done.records().stream().filter(r -> !r.isFailure()).count(), "model m's 2 cells x 2 repeats");
        assertTrue(done.records().stream().filter(StoredRecord::isFailure).allMatch(r ->
                r.json().path("failure").path("message").asText().contains("--retry-crashed")));
        assertEquals(4, done.markers().size());
        assertTrue(done.skipped().isEmpty());
    }

    @Test
    void retryCrashedRunsTheCellOnceMoreThenRecordsIt() throws Exception {
        Path spec = dir.resolve("crash.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("r.jsonl");
        assertEquals(137, sweep(spec, out, 1));
        assertEquals(137, sweep(spec, out, 1), "the retry dies again");
        assertEquals(List.of(), failureKinds(out));
        assertEquals(2, ResultsReader.read(out).markers().size());
        assertEquals(137, sweep(spec, out, 1), "cell 0 recorded as crashed after its retry; cell 1 dies");
        assertEquals(List.of("CRASHED 2"), failureKinds(out));
    }

    @Test
    void mergeCarriesTheMarkersSoAMergedFileStillKnowsTheCrash() throws Exception {
        Path spec = dir.resolve("crash.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("r.jsonl");
        assertEquals(137, sweep(spec, out, 0));
        Path merged = dir.resolve("merged.jsonl");
        ResultsMerger.merge(merged, List.of(out));
        assertEquals(1, ResultsReader.read(merged).markers().size());
        assertEquals(137, sweep(spec, merged, 0));
        assertEquals(List.of("CRASHED 2"), failureKinds(merged));
    }
}
