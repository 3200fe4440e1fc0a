package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: a clear error naming file, line and column, and no result from the pass. */
class MalformedTraceTest {
    private static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens\n";
    private static final String GOOD = "2024-05-10 00:00:00.009930+00:00,374,44\n";

    @TempDir
    Path tmp;

    private TraceFormatException fails(String name, String text, TraceOptions options) throws Exception {
        Path p = Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
        return assertThrows(TraceFormatException.class, () -> TraceProfile.of(Trace.open(p, options), Binning.paper()));
    }

    private TraceFormatException fails(String name, String text) throws Exception {
        return fails(name, text, TraceOptions.DEFAULT);
    }

    /** @param location {@code file:line: } or, for a field, {@code file:line:col (column): } */
    private static void names(TraceFormatException e, String location) {
        assertTrue(e.getMessage().contains(location), e.getMessage());
    }

    @Test
    void truncatedLine() throws Exception {
        TraceFormatException e = fails("t.csv", HEADER + GOOD + GOOD + "2024-05-10 00:00:01+00:00,37\n");
        names(e, "t.csv:4: ");
        assertTrue(e.getMessage().contains("expected 3 columns") && e.getMessage().contains("found 2"), e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void nonNumericTokenCount() throws Exception {
        TraceFormatException e = fails("t.csv", HEADER + GOOD + "2024-05-10 00:00:01+00:00,37a,5\n");
        names(e, "t.csv:3:2 (ContextTokens): ");
        assertTrue(e.getMessage().contains("\"37a\""), e.getMessage());
    }

    @Test
    void negativeTokenCount() throws Exception {
        TraceFormatException e = fails("t.csv", HEADER + GOOD + GOOD + GOOD + "2024-05-10 00:00:01+00:00,37,-5\n");
        names(e, "t.csv:5:3 (GeneratedTokens): ");
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void badTimestamp() throws Exception {
        TraceFormatException e = fails("t.csv", HEADER + "2024-05-10 25:00:00+00:00,1,2\n");
        names(e, "t.csv:2:1 (TIMESTAMP): ");
    }

    @Test
    void missingColumnInTheHeader() throws Exception {
        TraceFormatException e = fails("t.csv", "TIMESTAMP,ContextTokens\n2024-05-10 00:00:00+00:00,5\n",
                TraceOptions.DEFAULT.withFormat(TraceFormat.AZURE_2024));
        names(e, "t.csv:1: ");
        assertTrue(e.getMessage().contains("not a azure-2024 header") && e.getMessage().contains("GeneratedTokens"), e.getMessage());
    }

    @Test
    void wrongHeader() throws Exception {
        Path p = Files.writeString(tmp.resolve("w.csv"), "foo,bar\n1,2\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Trace.open(p));
        names(e, "w.csv:1: ");
        assertTrue(e.getMessage().contains("unrecognised header \"foo,bar\""), e.getMessage());
        TraceFormatException b = fails("b.csv", HEADER + GOOD, TraceOptions.DEFAULT.withFormat(TraceFormat.BURSTGPT));
        assertTrue(b.getMessage().contains("not a burstgpt header"), b.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path p = Files.writeString(tmp.resolve("e.csv"), "");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Trace.open(p));
        assertTrue(e.getMessage().startsWith(p + ": empty file"), e.getMessage());
        Path blank = Files.writeString(tmp.resolve("blank.csv"), "\n\n");
        assertThrows(TraceFormatException.class, () -> Trace.open(blank, TraceOptions.DEFAULT.withFormat(TraceFormat.AZURE_2023))
                .read((a, b) -> { }));
    }

    @Test
    void headerOnlyHasNoStatistics() throws Exception {
        Path p = Files.writeString(tmp.resolve("h.csv"), HEADER);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TraceProfile.of(Trace.open(p), Binning.paper()));
        assertTrue(e.getMessage().contains("no requests"), e.getMessage());
    }

    @Test
    void extraColumnIsAnError() throws Exception {
        TraceFormatException e = fails("x.csv", HEADER + "2024-05-10 00:00:00+00:00,1,2,3\n");
        assertTrue(e.getMessage().contains("x.csv:2: expected 3 columns") && e.getMessage().contains("found 4"), e.getMessage());
    }

    @Test
    void rowsBeforeTheErrorReachTheSinkButNoResultIsReturned() throws Exception {
        Path p = Files.writeString(tmp.resolve("late.csv"), HEADER + GOOD + GOOD + "oops,1,2\n");
        long[] seen = {0};
        assertThrows(TraceFormatException.class, () -> Trace.open(p).read((a, b) -> seen[0]++));
        assertEquals(2, seen[0], "streaming: the sink saw two rows before the error, and must discard them");
    }
}
