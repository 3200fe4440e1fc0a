package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.ResultsMerger;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SweepSpec;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results merge} against a sweep running in another process: the merge must refuse while the sweep holds
 * its file, so that no record the sweep appends afterwards goes to an unlinked file (issue 10, item 1).
 */
class MergeLockTest {
    private static final String SPEC = """
            {"name": "race", "engine": "synthetic", "models": ["m"],
             "cells": {"grid": {"batch": [1, 2], "input": [8, 16, 32], "output": [2, 4, 8, 16]}},
             "protocol": {"repeats": 2, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 4}}
            """;

    @TempDir
    Path dir;

    @Test
    void mergeRefusesAFileARunningSweepWritesAndTheSweepLosesNothing() throws Exception {
        Path spec = dir.resolve("race.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("mx.jsonl");
        mergeWhileTheSweepRuns(spec, out, 48);
        // once the sweep has ended, merging into the same file works
        assertEquals(48, ResultsMerger.merge(out, List.of(out)).recordsOut());
    }

    @Test
    void aResumedSweepKeepsItsLockToo() throws Exception {
        // Resuming reads the file's last byte; reading it through a second channel and closing that used to drop
        // the sweep's lock (POSIX closes every lock of the process on the file).
        Path spec = dir.resolve("race.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("resumed.jsonl");
        SweepRunnerTest.run(SweepRunnerTest.spec(SPEC), out, new Shard(0, 2), false);
        assertEquals(24, ResultsReader.read(out).records().size());
        mergeWhileTheSweepRuns(spec, out, 24);
        assertEquals(48, ResultsReader.read(out).records().size());
    }

    /** Runs the sweep in a child process, tries a merge into its file after each record, checks nothing is lost. */
    private void mergeWhileTheSweepRuns(Path spec, Path out, int newRecords) throws Exception {
        int before = Files.exists(out) ? ResultsReader.read(out).records().size() : 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dllmenergy.test.workMillis=40",
                "-cp", System.getProperty("java.class.path"), KillTestSweepMain.class.getName(),
                spec.toString(), out.toString()).redirectError(dir.resolve("child.err").toFile()).start();
        List<String> lines = new ArrayList<>();
        int refusals = 0;
        int seen = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = in.readLine()) != null) {
                lines.add(l);
                // after its last record the sweep closes its file, so a merge may then go ahead
                if (l.startsWith("RECORD ") && ++seen < newRecords) {
                    // before the fix, this moved a copy over the sweep's file and the later records vanished
                    final int n = refusals;
                    IllegalStateException e = assertThrows(IllegalStateException.class,
                            () -> ResultsMerger.merge(out, List.of(out)), () -> "merge " + n + " was not refused");
                    assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("running sweep"),
                            e.getMessage());
                    refusals++;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.err")));
        assertEquals("DONE", lines.get(lines.size() - 1));
        assertEquals(newRecords - 1, refusals);
        Set<String> reported = new HashSet<>();
        for (String l : lines) if (l.startsWith("RECORD ")) reported.add(l.substring(7));
        assertEquals(newRecords, reported.size());
        Set<String> inFile = new HashSet<>();
        for (StoredRecord r : ResultsReader.read(out).records()) inFile.add(r.cellKey() + " " + r.repeat());
        assertTrue(inFile.containsAll(reported), "records the sweep reported are missing from " + out);
        assertEquals(before + newRecords, inFile.size());
    }

    @Test
    void mergeKeepsTheOutputsPermissionsAndGivesANewOutputTheUmasks() throws Exception {
        SweepSpec s = SweepRunnerTest.spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        SweepRunnerTest.run(s, out, Shard.ALL, false);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        ResultsMerger.merge(out, List.of(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));

        Path fresh = dir.resolve("fresh.jsonl");
        ResultsMerger.merge(fresh, List.of(out));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "a new merged file gets the same mode as any new file (umask), not 0600");
        assertEquals(List.of("fresh.jsonl", "plain", "r.jsonl"),
                Files.list(dir).map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
    }
}
