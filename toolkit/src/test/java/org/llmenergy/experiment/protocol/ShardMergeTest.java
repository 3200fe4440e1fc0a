package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.MergeSummary;
import org.llmenergy.experiment.results.ResultsMerger;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SweepSpec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {
    @TempDir
    Path dir;

    static final String SPEC = """
            {"engine": "synthetic", "models": ["m", "n"],
             "cells": {"grid": {"batch": [1, 2, "max"], "input": [8, 32], "output": [4, 16]}},
             "protocol": {"repeats": 2, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 4}}
            """;

    @Test
    void shardsPartitionTheCells() {
        SweepSpec s = SweepRunnerTest.spec(SPEC);
        int n = s.expandCells().size();
        assertEquals(24, n);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            Shard shard = new Shard(k, 5);
            for (int i = 0; i < n; i++) if (shard.contains(i)) assertTrue(seen.add(i), "cell " + i + " in two shards");
        }
        assertEquals(n, seen.size());
        assertEquals(new Shard(2, 7), Shard.parse(" 2/7 "));
        assertEquals("shard must be i/n with 0 <= i < n, got 3/3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1-3"));
    }

    @Test
    void shardThenMergeEqualsASingleRun() throws Exception {
        SweepSpec s = SweepRunnerTest.spec(SPEC);
        Path single = dir.resolve("single.jsonl");
        SweepRunnerTest.run(s, single, Shard.ALL, false);

        List<Path> shards = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path p = dir.resolve("shard-" + k + ".jsonl");
            SweepSummary sum = SweepRunnerTest.run(s, p, new Shard(k, 3), false);
            assertEquals(8, sum.cellsInShard());
            shards.add(p);
        }
        Path merged = dir.resolve("merged.jsonl");
        MergeSummary m = ResultsMerger.merge(merged, shards);
        assertEquals(0, m.duplicates());
        assertEquals(48, m.recordsOut());
        assertEquals(SweepRunnerTest.identities(single), SweepRunnerTest.identities(merged));
        assertEquals(48, ResultsReader.read(merged).records().size());
        // records in cell order, each shard stamped
        List<StoredRecord> recs = ResultsReader.read(merged).records();
        for (int i = 1; i < recs.size(); i++) assertTrue(recs.get(i - 1).cellIndex() <= recs.get(i).cellIndex());
        assertEquals(Set.of("0/3", "1/3", "2/3"),
                new HashSet<>(recs.stream().map(r -> r.json().path("shard").asText()).toList()));
    }

    @Test
    void mergeDropsDuplicatesAndDoesNotDependOnInputOrder() throws Exception {
        SweepSpec s = SweepRunnerTest.spec(SPEC);
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        SweepRunnerTest.run(s, a, new Shard(0, 2), false);
        SweepRunnerTest.run(s, b, new Shard(1, 2), false);
        Path ab = dir.resolve("ab.jsonl");
        Path ba = dir.resolve("ba.jsonl");
        ResultsMerger.merge(ab, List.of(a, b));
        ResultsMerger.merge(ba, List.of(b, a));
        assertEquals(Files.readString(ab), Files.readString(ba));
        // merging a file with itself and with the merge adds nothing
        MergeSummary again = ResultsMerger.merge(ab, List.of(ab, a, b));
        assertEquals(48, again.duplicates());
        assertEquals(48, again.recordsOut());
        assertEquals(Files.readString(ba), Files.readString(ab));
    }

    @Test
    void mergeRefusesToOverwriteAnUnlistedFile() throws Exception {
        Path a = dir.resolve("a.jsonl");
        SweepRunnerTest.run(SweepRunnerTest.spec(SPEC), a, Shard.ALL, false);
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "precious\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerger.merge(out, List.of(a)));
        assertTrue(e.getMessage().contains("exists and is not one of the inputs"), e.getMessage());
        assertEquals("precious\n", Files.readString(out));
    }

    @Test
    void mergeReportsTornLinesOfItsInputs() throws Exception {
        Path a = dir.resolve("a.jsonl");
        SweepRunnerTest.run(SweepRunnerTest.spec(SPEC), a, Shard.ALL, false);
        String text = Files.readString(a);
        Files.writeString(a, text.substring(0, text.length() - 30));
        MergeSummary m = ResultsMerger.merge(dir.resolve("m.jsonl"), List.of(a));
        assertEquals(47, m.recordsOut());
        assertEquals(1, m.skipped().size());
        assertEquals(text.split("\n").length, m.skipped().get(0).line(), "the last line (records and start markers)");
    }
}
