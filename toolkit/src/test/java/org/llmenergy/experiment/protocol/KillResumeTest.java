package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SpecReader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real sweep processes with SIGKILL ({@link Process#destroyForcibly()}), resumes after each kill, and
 * checks that no record that a process reported as written is ever lost, that no record is duplicated, and that
 * the final set of records equals an uninterrupted run's. Each kill lands after a seeded random number of
 * records has been reported (0 kills right after start-up), not after a span of time, so a slow or busy machine
 * kills at the same points as a fast one. The seed is fixed; {@code -Dllmenergy.test.killSeed=N} picks another.
 */
class KillResumeTest {
    private static final int KILLS = 20;
    private static final long DEFAULT_SEED = 14;
    /** At most this many records per child before its kill: 20 kills stay well short of the 384 records. */
    private static final int MAX_RECORDS_BEFORE_KILL = 8;
    private static final String SPEC = """
            {"name": "kill", "engine": "synthetic", "models": ["m", "n"],
             "cells": {"grid": {"batch": [1, 2, 4, 8], "input": [8, 16, 32, 64], "output": [2, 4, 8, 16]}},
             "protocol": {"repeats": 3, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 8}}
            """;

    @TempDir
    Path dir;

    /** A child sweep process and the lines it has printed. */
    private record Child(Process process, BlockingQueue<String> lines, Thread reader) {}

    private Child launch(Path spec, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dllmenergy.test.workMillis=4",
                "-Dllmenergy.repo.root=" + System.getProperty("llmenergy.repo.root", ""),
                "-cp", System.getProperty("java.class.path"), KillTestSweepMain.class.getName(),
                spec.toString(), out.toString());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("child-stderr.log").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) lines.add(l);
            } catch (Exception e) {
                // the process was killed mid-line: what was read so far counts
            }
            lines.add("EOF");
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(p, lines, reader);
    }

    /** @return the RECORD lines printed, after the child has ended */
    private static List<String> drain(Child c, List<String> already) throws Exception {
        List<String> records = new ArrayList<>();
        for (String l : already) if (l.startsWith("RECORD ")) records.add(l.substring(7));
        while (!already.contains("EOF")) {
            String l = c.lines().poll(30, TimeUnit.SECONDS);
            assertNotNull(l, "child output did not end");
            if (l.equals("EOF")) break;
            if (l.startsWith("RECORD ")) records.add(l.substring(7));
        }
        return records;
    }

    private static Map<String, Integer> counts(Path out) throws Exception {
        Map<String, Integer> n = new HashMap<>();
        for (StoredRecord r : ResultsReader.read(out).records()) {
            n.merge(r.cellKey() + " " + (r.isFailure() ? "failure" : r.repeat()), 1, Integer::sum);
        }
        return n;
    }

    @Test
    void sigkillAtRandomMomentsThenResumeLosesAndDuplicatesNothing() throws Exception {
        Path spec = dir.resolve("kill.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("killed.jsonl");
        long seed = Long.getLong("llmenergy.test.killSeed", DEFAULT_SEED);
        Random random = new Random(seed);
        String context = "seed " + seed + " (rerun with -Dllmenergy.test.killSeed=" + seed + ")";

        Set<String> confirmed = new HashSet<>();
        int kills = 0;
        for (int attempt = 0; kills < KILLS; attempt++) {
            assertTrue(attempt < 3 * KILLS, "too few kills landed during a sweep (" + kills + "); " + context);
            Child c = launch(spec, out);
            List<String> before = new ArrayList<>();
            String l;
            do {
                l = c.lines().poll(60, TimeUnit.SECONDS);
                assertNotNull(l, "child never started; stderr: " + Files.readString(dir.resolve("child-stderr.log")));
                before.add(l);
            } while (!l.equals("STARTED") && !l.equals("EOF"));
            assertEquals("STARTED", l, "child ended before starting; stderr: "
                    + Files.readString(dir.resolve("child-stderr.log")));
            int recordsBeforeKill = random.nextInt(MAX_RECORDS_BEFORE_KILL + 1);
            for (int seen = 0; seen < recordsBeforeKill && !l.equals("EOF"); ) {
                l = c.lines().poll(60, TimeUnit.SECONDS);
                assertNotNull(l, "child stalled before record " + (seen + 1) + "; " + context);
                before.add(l);
                if (l.startsWith("RECORD ")) seen++;
            }
            boolean landed = c.process().isAlive();
            c.process().destroyForcibly();
            assertTrue(c.process().waitFor(30, TimeUnit.SECONDS));
            List<String> printed = drain(c, before);
            if (landed && c.process().exitValue() != 0) kills++;
            confirmed.addAll(printed);

            // every record a process reported as synced is in the file, exactly once
            Map<String, Integer> inFile = counts(out);
            for (String id : confirmed) assertTrue(inFile.containsKey(id), "lost " + id + " after kill " + kills + "; " + context);
            inFile.forEach((id, n) -> assertEquals(1, n, "duplicate " + id + "; " + context));
            assertNotEquals(counts(out).size(), 128 * 3, "the sweep finished before " + KILLS
                    + " kills; give it more work; " + context);
        }

        int recordsAfterKills = counts(out).size();
        assertTrue(recordsAfterKills > 0, "no kill let a record through; " + context);

        // finish without interruption
        Child last = launch(spec, out);
        assertTrue(last.process().waitFor(120, TimeUnit.SECONDS), "final resume did not finish");
        assertEquals(0, last.process().exitValue(), Files.readString(dir.resolve("child-stderr.log")));
        confirmed.addAll(drain(last, List.of()));

        // an uninterrupted run of the same spec, for comparison
        Path clean = dir.resolve("clean.jsonl");
        SweepRunnerTest.run(SpecReader.read(spec), clean, Shard.ALL, false);

        Map<String, Integer> killed = counts(out);
        Map<String, Integer> uninterrupted = counts(clean);
        assertEquals(128 * 3, uninterrupted.size());
        assertEquals(uninterrupted.keySet(), killed.keySet(), context);
        killed.forEach((id, n) -> assertEquals(1, n, "duplicate " + id + "; " + context));
        assertTrue(killed.keySet().containsAll(confirmed), context);
        // same measured values (the synthetic engine is deterministic)
        Map<String, Double> a = new HashMap<>();
        for (StoredRecord r : ResultsReader.read(out).records()) {
            a.put(r.identity(), r.json().at("/measurement/energy/total/gross/joules").asDouble());
        }
        for (StoredRecord r : ResultsReader.read(clean).records()) {
            assertEquals(r.json().at("/measurement/energy/total/gross/joules").asDouble(), a.get(r.identity()), 1e-12);
        }
    }
}
