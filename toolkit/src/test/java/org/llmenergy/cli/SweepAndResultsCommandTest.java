package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.experiment.results.ResultsReader;

/** The CLI through {@link Main#execute}, with the test-only "synthetic" engine found via META-INF/services. */
class SweepAndResultsCommandTest {
    @TempDir
    Path dir;

    static final String SPEC = """
            {"engine": "synthetic", "models": ["m"],
             "cells": {"grid": {"batch": [1, 2], "input": [8], "output": [4, 8]}},
             "protocol": {"repeats": 2, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 4}}
            """;



    private Path spec(String text) throws Exception {
        Path p = dir.resolve("spec.json");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void sweepThenResumeThenRefuseWithoutResume() throws Exception {
        Path spec = spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--progress", "none");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(": 4 cells; 0 already finished, 4 measured, 0 failed; 8 records appended"), r.out());
        assertEquals(8, ResultsReader.read(out).records().size());

        CliRun again = CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--resume", "--progress", "none");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("4 already finished, 0 measured, 0 failed; 0 records appended"), again.out());

        CliRun refused = CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--progress", "none");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("llm-energy: " + out + " already holds 8 records; pass --resume"), refused.err());
    }

    @Test
    void theSpecOrAFileWithoutResultsIsNeverAppendedTo() throws Exception {
        // before the fix, `sweep s.json --out s.json --resume` appended every record to the spec
        Path spec = spec(SPEC);
        String specText = Files.readString(spec);
        CliRun intoSpec = CliRun.of("sweep", spec.toString(), "--out", spec.toString(), "--resume", "--progress", "none");
        assertEquals(1, intoSpec.exit());
        assertTrue(intoSpec.err().contains("is the spec itself"), intoSpec.err());
        assertEquals(specText, Files.readString(spec));

        // a copy of the spec, or a binary file, is no results file either
        Path copy = Files.writeString(dir.resolve("copy.json"), specText);
        CliRun intoCopy = CliRun.of("sweep", spec.toString(), "--out", copy.toString(), "--resume", "--progress", "none");
        assertEquals(1, intoCopy.exit());
        assertTrue(intoCopy.err().contains(copy + " is not a results file"), intoCopy.err());
        assertEquals(specText, Files.readString(copy));
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3};
        Path png = Files.write(dir.resolve("image.png"), binary);
        CliRun intoPng = CliRun.of("sweep", spec.toString(), "--out", png.toString(), "--resume", "--progress", "none");
        assertEquals(1, intoPng.exit());
        assertArrayEquals(binary, Files.readAllBytes(png));
    }

    @Test
    void failedCellsMakeANonZeroExitWithASummaryAndTheCodesAreInTheHelp() throws Exception {
        // before the fix every cell could fail and sweep still exited 0
        Path spec = spec(SPEC.replace("\"models\": [\"m\"]", "\"models\": [\"m\", \"failing-x\"]"));
        Path out = dir.resolve("r.jsonl");
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--progress", "none");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("4 measured, 4 failed"), r.out());
        assertTrue(r.err().contains("4 of 8 cells failed; see their failure records with `llm-energy results show " + out),
                r.err());
        CliRun help = CliRun.of("sweep", "--help");
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("3   the sweep ran to its end but some cells failed"),
                help.out());
    }

    @Test
    void gridsOverTheCellLimitAndMissingSpecsAreClearErrors() throws Exception {
        Path spec = spec(SPEC);
        CliRun capped = CliRun.of("sweep", spec.toString(), "--out", dir.resolve("r.jsonl").toString(), "--max-cells", "3");
        assertEquals(1, capped.exit());
        assertTrue(capped.err().contains("has 4 cells") && capped.err().contains("--max-cells 4"), capped.err());
        assertEquals(0, CliRun.of("sweep", spec.toString(), "--dry-run", "--max-cells", "4").exit());
        CliRun missing = CliRun.of("sweep", dir.resolve("nonexistent.json").toString(), "--out", "x.jsonl");
        assertEquals(1, missing.exit());
        // before the fix: "llm-energy: nonexistent.json" and nothing else
        assertTrue(missing.err().contains("nonexistent.json does not exist; check the path"), missing.err());
    }

    @Test
    void anUnregisteredEngineFailsInsteadOfInventingEnergy() throws Exception {
        Path spec = spec(SPEC.replace("\"engine\": \"synthetic\"", "\"engine\": \"no-such-engine\""));
        Path out = dir.resolve("r.jsonl");
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no engine backend named 'no-such-engine' is available (available: [djl, synthetic])"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void specErrorsNameTheField() throws Exception {
        Path spec = spec(SPEC.replace("\"output\": [4, 8]", "\"output\": [4, -8]"));
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", dir.resolve("r.jsonl").toString());
        assertEquals(1, r.exit());
        assertEquals("llm-energy: spec.json: cells.grid.output[1]: must be > 0, got -8", r.err().strip());
    }

    @Test
    void dryRunListsTheShardsCells() throws Exception {
        Path spec = spec(SPEC);
        CliRun r = CliRun.of("sweep", spec.toString(), "--dry-run", "--shard", "1/2", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("index,model,device,dtype,options,decoding,batch,input,output,cell_key", lines.get(0));
        assertEquals(List.of("1", "3"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        assertTrue(lines.get(1).endsWith(",1,8,8,synthetic|m|cpu|fp32|default{}|greedy|b=1|i=8|o=8"), lines.get(1));
    }

    @Test
    void shardsMergeAndShow() throws Exception {
        Path spec = spec(SPEC);
        for (int k = 0; k < 2; k++) {
            CliRun r = CliRun.of("sweep", spec.toString(), "--out", dir.resolve("s" + k + ".jsonl").toString(), "--shard", k + "/2",
                    "--progress", "none");
            assertEquals(0, r.exit(), r.err());
        }
        Path merged = dir.resolve("merged.jsonl");
        CliRun m = CliRun.of("results", "merge", merged.toString(), dir.resolve("s0.jsonl").toString(), dir.resolve("s1.jsonl").toString());
        assertEquals(0, m.exit(), m.err());
        assertTrue(m.out().startsWith("merged 8 records from 2 files"), m.out());

        CliRun csv = CliRun.of("results", "show", merged.toString(), "--format", "csv",
                "--columns", "cellIndex,repeat,measurement.energy.decode.gross.per1024J");
        assertEquals(0, csv.exit(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("cellIndex,repeat,measurement.energy.decode.gross.per1024J", lines.get(0));
        assertEquals(9, lines.size());
        assertTrue(lines.get(1).startsWith("0,0,"), lines.get(1));

        CliRun text = CliRun.of("results", "show", merged.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("measurement.energy.total.gross.per1024J"), text.out());

        CliRun json = CliRun.of("results", "show", merged.toString(), "--format", "json");
        assertEquals(0, json.exit(), json.err());
        assertEquals(8, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).size());

        CliRun bad = CliRun.of("results", "show", merged.toString(), "--columns", "nope");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("--columns: no column [nope]"), bad.err());
    }

    @Test
    void showReportsTornLinesOnStderr() throws Exception {
        Path spec = spec(SPEC);
        Path out = dir.resolve("r.jsonl");
        assertEquals(0, CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--progress", "none").exit());
        String text = Files.readString(out);
        Files.writeString(out, text.substring(0, text.length() - 10));
        CliRun r = CliRun.of("results", "show", out.toString(), "--format", "csv", "--columns", "cellIndex");
        assertEquals(0, r.exit());
        assertEquals(8, r.out().lines().count(), "header and the 7 whole records");
        assertTrue(r.err().contains(out + ":" + text.split("\n").length + ": skipped: torn last line"), r.err());
    }
}
