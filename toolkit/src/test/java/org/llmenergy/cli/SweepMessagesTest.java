package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.experiment.results.ResultsReader;

/** Messages that name the file, say what happened and what to do next (issue 10, "Error messages"). */
class SweepMessagesTest {
    private static final String SPEC = """
            {"engine": "synthetic", "models": ["m"],
             "cells": {"grid": {"batch": [1, 2], "input": [8, 16, 32, 64], "output": [4, 8, 16, 32]}},
             "protocol": {"repeats": 2, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 4}}
            """;

    @TempDir
    Path dir;

    private Process sweep(String shellPrefix, Path spec, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = shellPrefix + "exec '" + java + "' -Dllmenergy.test.workMillis=30 -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName() + " sweep '" + spec + "' --out '"
                + out + "' --progress none";
        return new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start();
    }

    @Test
    void aSweepStoppedBySigtermSaysWhatIsSavedAndToResume() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), SPEC);
        Path out = dir.resolve("r.jsonl");
        Process p = sweep("", spec, out);
        for (int i = 0; i < 600 && (!Files.exists(out) || ResultsReader.read(out).records().size() < 3); i++) {
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM to the JVM (bash exec'ed it)
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("log"));
        int saved = ResultsReader.read(out).records().size();
        // before the fix: no message at all. The sweep's thread runs on while shutdown hooks run, so the record in
        // flight when the hook counted may land too.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("llm-energy: sweep stopped by a signal; (\\d+) records"
                + " are saved in " + java.util.regex.Pattern.quote(out.toString()) + "; rerun the same command with --resume")
                .matcher(log);
        assertTrue(m.find(), log);
        int said = Integer.parseInt(m.group(1));
        assertTrue(said >= 3 && said <= saved && said >= saved - 1, "said " + said + ", saved " + saved);
    }

    @Test
    void aFullDiskNamesTheFileAndSaysToResume() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), SPEC);
        Path out = dir.resolve("r.jsonl");
        // a file-size limit of 48 KiB fails a write with EFBIG, as a full disk fails it with ENOSPC
        Process p = sweep("ulimit -f 48; ", spec, out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("log"));
        assertEquals(1, p.exitValue(), log);
        int saved = ResultsReader.read(out).records().size();
        assertTrue(saved > 0 && saved < 64, log);
        // before the fix: "llm-energy: File too large", with no file and no word of --resume
        assertTrue(log.contains("llm-energy: " + out + ": cannot append a record (File too large); the " + saved
                + " records already in it are safe"), log);
        assertTrue(log.contains("rerun the same command with --resume"), log);
    }

    @Test
    void resultsShowAndEstimateRefuseAMissingFileOrADirectory() throws Exception {
        Path missing = dir.resolve("nope.jsonl");
        CliRun show = CliRun.of("results", "show", missing.toString());
        // before the fix: "no records" and exit 0
        assertEquals(1, show.exit());
        assertTrue(show.err().contains(missing + ": no such results file"), show.err());
        CliRun onDir = CliRun.of("results", "show", dir.toString());
        assertEquals(1, onDir.exit());
        assertTrue(onDir.err().contains(dir + " is a directory, not a results file"), onDir.err());
        Path bins = Files.writeString(dir.resolve("bins.csv"), "input_bin,output_bin,requests\n32,8,10\n");
        CliRun estimate = CliRun.of("estimate", "--bins", bins.toString(), "--source", "results", missing.toString());
        assertEquals(1, estimate.exit());
        assertTrue(estimate.err().contains(missing + ": no such results file"), estimate.err());
    }
}
