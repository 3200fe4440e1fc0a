package org.llmenergy.experiment.progress;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    static ProgressSnapshot at(double elapsed, int done, String stage) {
        return new ProgressSnapshot(10, 2, done / 2, 0, 20, done, elapsed, done == 0 ? null : elapsed / done * (20 - done),
                "stage".equals(stage) ? null : "m B=8 I=64 O=8", stage);
    }

    @Test
    void snapshotLineShowsBarCountsAndEta() {
        String line = at(100, 10, "repeat 1 full").line(10);
        assertEquals("[#####.....]  50% 10/20 repeats, cells 7/10 (0 failed, 2 skipped), 1m40s, ETA 1m40s"
                + " | m B=8 I=64 O=8 repeat 1 full", line);
        assertEquals("2h05m", ProgressSnapshot.duration(7500));
    }

    @Test
    void notebooksGetAnHtmlBar() {
        assertEquals("<div><progress max=\"20\" value=\"10\"></progress> <code> 50% 10/20 repeats, cells 7/10"
                + " (0 failed, 2 skipped), 1m40s, ETA 1m40s | m B=8 I=64 O=8 repeat 1 full</code></div>",
                at(100, 10, "repeat 1 full").html());
    }

    @Test
    void terminalRedrawsOneLineWithCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 30);
        p.onProgress(at(1, 1, "warmup"));
        p.onProgress(at(2, 2, "repeat 0 full"));
        p.onProgress(at(3, 20, "done"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(3, out.chars().filter(c -> c == '\r').count());
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line, redrawn in place");
        assertTrue(out.endsWith(System.lineSeparator()));
    }

    @Test
    void logsGetAPlainLineAtMostEveryIntervalAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 30);
        p.onProgress(at(0, 0, "warmup"));
        p.onProgress(at(10, 2, "repeat 0 full"));
        p.onProgress(at(31, 4, "repeat 1 full"));
        p.onProgress(at(32, 20, "done"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"));
        assertEquals(3, out.lines().count(), out);
        assertTrue(out.lines().toList().get(2).startsWith("[########################] 100% 20/20 repeats"));
    }
}
