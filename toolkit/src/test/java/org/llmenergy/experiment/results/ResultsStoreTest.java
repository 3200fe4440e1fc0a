package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.Cell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    @TempDir
    Path dir;

    static String line(String hash, String cell, int repeat) {
        return "{\"schema\":1,\"type\":\"measurement\",\"specHash\":\"" + hash + "\",\"cellIndex\":0,\"cellKey\":\""
                + cell + "\",\"repeat\":" + repeat + "}";
    }

    @Test
    void appendedLinesReadBackInOrder() throws Exception {
        Path f = dir.resolve("sub/r.jsonl");
        try (ResultsWriter w = ResultsWriter.open(f)) {
            for (int r = 0; r < 3; r++) w.appendLine(line("h", "c", r));
        }
        ResultsFile read = ResultsReader.read(f);
        assertEquals(List.of(0, 1, 2), read.records().stream().map(StoredRecord::repeat).toList());
        assertEquals(List.of(1, 2, 3), read.records().stream().map(StoredRecord::line).toList());
        assertTrue(read.skipped().isEmpty());
        assertTrue(Files.readString(f).endsWith("}\n"));
    }

    @Test
    void tornLastLineIsReportedSkippedAndNotGluedToTheNextAppend() throws Exception {
        Path f = dir.resolve("r.jsonl");
        try (ResultsWriter w = ResultsWriter.open(f)) {
            for (int r = 0; r < 3; r++) w.appendLine(line("h", "c", r));
        }
        // a kill in the middle of the third write
        long size = Files.size(f);
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.truncate(size - 20);
        }
        ResultsFile torn = ResultsReader.read(f);
        assertEquals(List.of(0, 1), torn.records().stream().map(StoredRecord::repeat).toList());
        assertEquals(1, torn.skipped().size());
        SkippedLine s = torn.skipped().get(0);
        assertEquals(3, s.line());
        assertTrue(s.reason().startsWith("torn last line"), s.reason());
        assertTrue(s.toString().startsWith(f + ":3: skipped: torn last line"), s.toString());

        // resume appends: the torn fragment is closed off first, the new record gets its own line
        try (ResultsWriter w = ResultsWriter.open(f)) {
            w.appendLine(line("h", "c", 2));
        }
        ResultsFile after = ResultsReader.read(f);
        assertEquals(List.of(0, 1, 2), after.records().stream().map(StoredRecord::repeat).toList());
        assertEquals(4, after.records().get(2).line());
        assertEquals(1, after.skipped().size());
        assertEquals(3, after.skipped().get(0).line());
        assertTrue(after.skipped().get(0).reason().startsWith("not valid JSON"), after.skipped().get(0).reason());
        // opening again adds nothing: the file already ends in a newline
        long before = Files.size(f);
        ResultsWriter.open(f).close();
        assertEquals(before, Files.size(f));
    }

    @Test
    void aCompleteRecordMissingOnlyItsNewlineIsKept() throws Exception {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, line("h", "c", 0) + "\n" + line("h", "c", 1));
        ResultsFile read = ResultsReader.read(f);
        assertEquals(2, read.records().size());
        assertTrue(read.skipped().isEmpty());
    }

    @Test
    void nonRecordLinesAreReportedAndNewerSchemasRejected() throws Exception {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, "[1,2]\n{\"schema\":1,\"type\":\"measurement\"}\n\n" + line("h", "c", 0) + "\n");
        ResultsFile read = ResultsReader.read(f);
        assertEquals(1, read.records().size());
        assertEquals(4, read.records().get(0).line());
        assertEquals(List.of(1, 2), read.skipped().stream().map(SkippedLine::line).toList());
        assertTrue(read.skipped().get(1).reason().contains("\"specHash\""), read.skipped().get(1).reason());

        Files.writeString(f, line("h", "c", 0) + "\n" + line("h", "c", 1).replace("\"schema\":1", "\"schema\":2") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsReader.read(f));
        assertEquals(f + ":2: results schema 2 is newer than this toolkit reads (1); update the toolkit", e.getMessage());
    }

    @Test
    void aSecondWriterOnTheSameFileIsRefused() throws Exception {
        Path f = dir.resolve("r.jsonl");
        try (ResultsWriter w = ResultsWriter.open(f)) {
            assertTrue(w.locked());
            IOException e = assertThrows(IOException.class, () -> ResultsWriter.open(f));
            assertTrue(e.getMessage().contains("being written by another sweep"), e.getMessage());
            w.appendLine(line("h", "c", 0));
        }
        try (ResultsWriter w = ResultsWriter.open(f)) {
            w.appendLine(line("h", "c", 1));
        }
        assertEquals(2, ResultsReader.read(f).records().size());
    }

    @Test
    void linesWithBreaksAreRejectedBeforeWriting() throws Exception {
        Path f = dir.resolve("r.jsonl");
        try (ResultsWriter w = ResultsWriter.open(f)) {
            assertThrows(IllegalArgumentException.class, () -> w.appendLine("{\"a\":1}\n{\"b\":2}"));
        }
        assertEquals("", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void anAbsentFileOrADirectoryIsAnErrorNotAnEmptyFile() throws Exception {
        // an absent file used to read as empty, so `results show typo.jsonl` said "no records" and exited 0
        var e = assertThrows(java.nio.file.NoSuchFileException.class, () -> ResultsReader.read(dir.resolve("none.jsonl")));
        assertTrue(e.getMessage().contains("none.jsonl: no such results file"), e.getMessage());
        var d = assertThrows(java.io.IOException.class, () -> ResultsReader.read(dir));
        assertTrue(d.getMessage().contains("is a directory, not a results file"), d.getMessage());
    }

    @Test
    void indexKnowsFinishedCells() throws Exception {
        Path f = dir.resolve("r.jsonl");
        Files.writeString(f, String.join("\n", line("h", "a", 0), line("h", "a", 1), line("h", "b", 0),
                line("other", "c", 0), line("other", "c", 1),
                "{\"schema\":1,\"type\":\"failure\",\"specHash\":\"h\",\"cellKey\":\"d\",\"repeat\":null}") + "\n");
        ResultsIndex idx = ResultsIndex.of(ResultsReader.read(f), "h");
        assertTrue(idx.finished("a", 2));
        assertFalse(idx.finished("a", 3));
        assertFalse(idx.finished("b", 2));
        assertFalse(idx.finished("c", 2), "another spec's records do not count");
        assertTrue(idx.finished("d", 3), "a failure finishes the cell");
        assertEquals(java.util.Set.of(0), idx.repeatsDone("b"));
    }

    @Test
    void keysWrittenWithAPlainGpuDeviceStillResume() throws Exception {
        Path f = dir.resolve("r.jsonl");
        String old = "djl|tiny-15m|gpu|fp16|default{}|greedy|b=8|i=512|o=64";
        Files.writeString(f, line("h", old, 0) + "\n" + line("h", "djl|tiny-15m|cpu|fp32|x|greedy|b=1|i=8|o=8", 0) + "\n");
        ResultsIndex idx = ResultsIndex.of(ResultsReader.read(f), "h");
        assertTrue(idx.finished("djl|tiny-15m|gpu:0|fp16|default{}|greedy|b=8|i=512|o=64", 1),
                "a cell recorded as gpu is the cell now keyed gpu:0");
        assertFalse(idx.finished("djl|tiny-15m|gpu:1|fp16|default{}|greedy|b=8|i=512|o=64", 1));
        assertTrue(idx.finished("djl|tiny-15m|cpu|fp32|x|greedy|b=1|i=8|o=8", 1));
        assertEquals("no|device|here", Cell.canonicalKey("no|device|here"));
    }
}
