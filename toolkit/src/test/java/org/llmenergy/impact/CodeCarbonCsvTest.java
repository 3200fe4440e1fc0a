package org.llmenergy.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CodeCarbon's emissions.csv layout, on self-made files. */
class CodeCarbonCsvTest {
    @Test
    void newFileGetsCodeCarbonsHeaderAndReadsBack(@TempDir Path dir) {
        Path f = dir.resolve("out/emissions.csv");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("timestamp", "2026-11-27T15:00:00");
        v.put("project_name", "a, b");
        v.put("energy_consumed", "0.5");
        CodeCarbonCsv.append(f, new CodeCarbonRow(0, v));
        CodeCarbonCsv.append(f, new CodeCarbonRow(0, Map.of("timestamp", "2026-11-27T15:01:00", "energy_consumed", "0.25")));
        List<CodeCarbonRow> rows = CodeCarbonCsv.read(f);
        assertEquals(2, rows.size());
        assertEquals(CodeCarbonCsv.COLUMNS, List.copyOf(rows.get(0).values().keySet()));
        assertEquals(38, CodeCarbonCsv.COLUMNS.size());
        assertEquals("a, b", rows.get(0).text("project_name"), "a comma inside a value survives the round trip");
        assertEquals(0.5, rows.get(0).number("energy_consumed", f.toString()), 0);
        assertNull(rows.get(1).number("emissions", f.toString()), "empty is missing, not 0");
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void appendKeepsAnOlderFilesLayoutAndSaysWhatItDropped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("emissions.csv");
        String old = "timestamp,project_name,duration,energy_consumed\n2025-01-01T00:00:00,x,10,0.1"; // torn: no final newline
        Files.writeString(f, old);
        List<String> dropped = CodeCarbonCsv.append(f, new CodeCarbonRow(0,
                Map.of("timestamp", "2026-01-01T00:00:00", "energy_consumed", "0.2", "gpu_energy", "0.15", "water_consumed", "")));
        assertEquals(List.of("gpu_energy"), dropped);
        String text = Files.readString(f);
        assertTrue(text.startsWith(old + "\n"), "what was recorded is untouched");
        assertTrue(text.endsWith("2026-01-01T00:00:00,,,0.2\n"), text);
        assertEquals(2, CodeCarbonCsv.read(f).size());
    }

    @Test
    void badFilesNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path notCc = dir.resolve("other.csv");
        Files.writeString(notCc, "a,b\n1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CodeCarbonCsv.read(notCc)).getMessage().contains("not a CodeCarbon"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,energy_consumed\n2026-01-01T00:00:00,lots\n");
        CodeCarbonRow row = CodeCarbonCsv.read(bad).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.number("energy_consumed", bad.toString()));
        assertTrue(e.getMessage().contains("bad.csv:2:2 (energy_consumed): not a finite number"), e.getMessage());
    }
}
