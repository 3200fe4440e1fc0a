package org.llmenergy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvScannerTest {
    private static CsvScanner scanner(String text, int buffer) throws Exception {
        return new CsvScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", buffer);
    }

    private static List<List<String>> rows(String text, int buffer) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (CsvScanner sc = scanner(text, buffer)) {
            while (sc.next()) {
                List<String> r = new ArrayList<>();
                for (int f = 0; f < sc.fieldCount(); f++) r.add(sc.text(f));
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void rowsSurviveEveryBufferBoundary() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 500; i++) sb.append("2024-05-10 00:00:0").append(i % 10).append(',').append(i).append(',').append(i * 7).append('\n');
        String text = sb.toString();
        for (int buffer : new int[] {64, 65, 97, 1 << 16}) {
            try (CsvScanner sc = scanner(text, buffer)) {
                assertTrue(sc.next());
                for (int i = 0; i < 500; i++) {
                    assertTrue(sc.next(), "row " + i);
                    assertEquals(3, sc.fieldCount());
                    assertEquals(i, sc.tokenCount(1, "b"));
                    assertEquals(i * 7, sc.tokenCount(2, "c"));
                    assertEquals(i + 2, sc.lineNumber());
                }
                assertFalse(sc.next());
            }
        }
    }

    @Test
    void randomRowsMatchANaiveSplitterForEveryBufferSize() throws Exception {
        java.util.Random r = new java.util.Random(5);
        List<List<String>> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String alphabet = "ab1,\" x";
        for (int row = 0; row < 400; row++) {
            List<String> fields = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int n = 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                StringBuilder v = new StringBuilder();
                int len = r.nextInt(12);
                for (int c = 0; c < len; c++) v.append(alphabet.charAt(r.nextInt(alphabet.length())));
                String value = v.toString();
                boolean quote = value.contains(",") || value.contains("\"") || r.nextBoolean();
                if (k > 0) line.append(',');
                line.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
                fields.add(value);
            }
            if (line.length() == 0) continue; // a lone empty field is a blank line, skipped
            expected.add(fields);
            text.append(line).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        for (int buffer : new int[] {64, 71, 128, 1 << 16}) assertEquals(expected, rows(text.toString(), buffer), "buffer " + buffer);
    }

    @Test
    void lineLongerThanTheBufferGrowsIt() throws Exception {
        String longField = "x".repeat(1000);
        assertEquals(List.of(List.of("a", longField), List.of("1", "2")), rows("a," + longField + "\n1,2", 64));
    }

    @Test
    void quotesCrlfBomAndBlankLines() throws Exception {
        String text = "\uFEFFname,\"Request tokens\"\r\n\r\n\"a, \"\"b\"\"\",\"12\"\r\nc,0\n\n";
        List<List<String>> r = rows(text, 64);
        assertEquals(List.of(List.of("name", "Request tokens"), List.of("a, \"b\"", "12"), List.of("c", "0")), r);
        try (CsvScanner sc = scanner(text, 64)) {
            sc.next();
            sc.next();
            assertEquals(12, sc.tokenCount(1, "Request tokens"), "a quoted number parses");
            assertEquals(3, sc.lineNumber(), "blank lines still count as lines");
        }
    }

    @Test
    void tokenCountsAcceptWholeFloatsOnly() throws Exception {
        try (CsvScanner sc = scanner("12.0,12.5,-3,,x1,99999999999\n", 64)) {
            sc.next();
            assertEquals(12, sc.tokenCount(0, "a"));
            assertTrue(assertThrows(FileFormatException.class, () -> sc.tokenCount(1, "b")).getMessage().contains("\"12.5\""));
            assertTrue(assertThrows(FileFormatException.class, () -> sc.tokenCount(2, "c")).getMessage().contains("negative"));
            assertTrue(assertThrows(FileFormatException.class, () -> sc.tokenCount(3, "d")).getMessage().contains("empty"));
            assertTrue(assertThrows(FileFormatException.class, () -> sc.tokenCount(4, "e")).getMessage().contains("whole number"));
            assertTrue(assertThrows(FileFormatException.class, () -> sc.tokenCount(5, "f")).getMessage().contains("too large"));
        }
    }

    @Test
    void unterminatedQuoteNamesTheLine() throws Exception {
        FileFormatException e = assertThrows(FileFormatException.class, () -> rows("a,b\n1,\"2\n3,4\n", 64));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("t.csv:2:2: "), e.getMessage());
    }
}
