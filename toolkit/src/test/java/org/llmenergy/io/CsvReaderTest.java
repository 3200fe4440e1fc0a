package org.llmenergy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir Path dir;

    private static CsvReader open(String text, CsvOptions options) throws IOException {
        return CsvReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", options);
    }

    private static List<String> cells(CsvRow r) {
        return java.util.stream.IntStream.range(0, r.size()).mapToObj(r::text).toList();
    }

    @Test
    void readsAFileByColumnNameWithLineNumbers() throws IOException {
        Path f = Files.writeString(dir.resolve("a.csv"), "\uFEFFb, a ,c\r\n\r\n2, x ,\"q, \"\"r\"\"\"\n");
        try (CsvReader csv = CsvReader.open(f, CsvOptions.builder().require("a", "b").build())) {
            assertEquals(List.of("b", "a", "c"), csv.header());
            CsvRow r = csv.next();
            assertEquals(3, r.line());
            assertEquals("x", r.text("a"), "trimmed by default");
            assertEquals(2, r.integer("b", 0));
            assertEquals("q, \"r\"", r.text("c"));
            assertNull(csv.next());
        }
    }

    @Test
    void aMissingRequiredColumnNamesTheHeaderLine() {
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> open("a,b\n1,2\n", CsvOptions.builder().require("a", "z").build()));
        assertEquals("t.csv:1: no column 'z' in the header [a, b]", e.getMessage());
    }

    @Test
    void aFixedHeaderMayEndInOptionalColumnsOnlyInOrder() throws IOException {
        CsvOptions o = CsvOptions.builder().require("a", "b").optional("c", "d").build();
        try (CsvReader csv = open("a,b,c\n1,2,3\n", o)) {
            assertTrue(csv.has("c"));
            assertFalse(csv.has("d"));
        }
        FileFormatException e = assertThrows(FileFormatException.class, () -> open("a,b,d\n", o));
        assertTrue(e.getMessage().startsWith("t.csv:1: header must be 'a,b' (optionally followed by 'c,d'), got 'a,b,d'"),
                e.getMessage());
        assertThrows(FileFormatException.class, () -> open("b,a\n", o));
    }

    @Test
    void badCellsNameFileLinePositionAndColumn() throws IOException {
        try (CsvReader csv = open("n,x\n1,2\n-1,lots\n", CsvOptions.builder().build())) {
            csv.next();
            CsvRow r = csv.next();
            assertEquals("t.csv:3:1 (n): must be >= 0, got -1",
                    assertThrows(FileFormatException.class, () -> r.integer("n", 0)).getMessage());
            assertEquals("t.csv:3:2 (x): not a finite number: 'lots'",
                    assertThrows(FileFormatException.class, () -> r.number("x")).getMessage());
            FileFormatException e = assertThrows(FileFormatException.class, () -> r.integer("x", 0));
            assertEquals(3, e.line());
            assertEquals(2, e.position());
            assertEquals("x", e.field());
            assertEquals("not an integer: 'lots'", e.reason());
            assertThrows(IllegalArgumentException.class, () -> r.text("nope"), "a caller's typo is no file error");
        }
    }

    @Test
    void rowWidthIsCheckedAgainstTheHeader() throws IOException {
        try (CsvReader csv = open("a,b,c\n1,2,3,4\n", CsvOptions.builder().build())) {
            assertEquals("t.csv:2: expected 3 columns (a,b,c), found 4",
                    assertThrows(FileFormatException.class, csv::next).getMessage());
        }
        try (CsvReader csv = open("a,b,c\n1,2\n1\n", CsvOptions.builder().missingTrailing(1).build())) {
            assertEquals(List.of("1", "2", ""), cells(csv.next()));
            assertTrue(assertThrows(FileFormatException.class, csv::next).getMessage().startsWith("t.csv:3: expected 3"));
        }
    }

    @Test
    void commentsQuotingTrimAndHeaderlessFiles() throws IOException {
        CsvOptions o = CsvOptions.builder().header(false).require("k", "v").commentPrefix("#").quoting(false).trim(false).build();
        try (CsvReader csv = open("# a note\n\"x\", 1\n", o)) {
            assertEquals(List.of("k", "v"), csv.header());
            CsvRow r = csv.next();
            assertEquals(List.of("\"x\"", " 1"), cells(r), "quotes kept, spaces kept");
            assertEquals(1, r.line() - 1, "the comment line still counts");
            assertNull(csv.next());
        }
        assertEquals("t.csv: empty file, expected a header with a",
                assertThrows(FileFormatException.class, () -> open("\n# only\n",
                        CsvOptions.builder().require("a").commentPrefix("#").build())).getMessage());
    }

    @Test
    void optionsRefuseWhatCannotBeRead() {
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.builder().header(false).build());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.builder().commentPrefix("").build());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.builder().missingTrailing(-1).build());
    }

    @Test
    void fieldsQuotedForWritingReadBackAsTheyWere() throws IOException {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "");
        String line = String.join(",", fields.stream().map(CsvField::quote).toList());
        try (CsvReader csv = open("w,x,y,z\n" + line + "\n", CsvOptions.builder().build())) {
            assertEquals(fields, cells(csv.next()));
        }
        assertEquals("\"two\nlines\"", CsvField.quote("two\nlines"));
        assertEquals("", CsvField.quote(null));
    }
}
