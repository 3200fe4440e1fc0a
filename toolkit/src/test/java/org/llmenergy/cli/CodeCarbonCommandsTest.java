package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.impact.CodeCarbonCsv;
import org.llmenergy.impact.CodeCarbonRow;

/** CodeCarbon both ways: {@code measure --codecarbon-csv} and {@code results import-codecarbon}. */
class CodeCarbonCommandsTest {
    @Test
    void measureAppendsACodeCarbonRowWithEmptyEmissions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("emissions.csv");
        Path json = dir.resolve("m.json");
        for (int i = 0; i < 2; i++) {
            // a window longer than the CPU-time counter's 10 ms update period, so that the total is known
            CliRun run = CliRun.of("measure", "--meter", "cpu-estimate", "--interval-ms", "0", "--out", json.toString(),
                    "--codecarbon-csv", csv.toString(), "--", "sh", "-c", "sleep 0.1");
            assertEquals(0, run.exit(), run.err());
        }
        List<CodeCarbonRow> rows = CodeCarbonCsv.read(csv);
        assertEquals(2, rows.size());
        CodeCarbonRow r = rows.get(0);
        JsonNode total = new ObjectMapper().readTree(json.toFile()).path("total").path("joules");
        assertTrue(total.isNumber(), "the total of a 0.1 s window is known: " + total);
        assertEquals(total.asDouble() / 3.6e6, rows.get(1).number("energy_consumed", csv.toString()), 1e-15, "the measurement's total, in kWh");
        assertTrue(rows.get(1).number("duration", csv.toString()) >= 0.1);
        assertEquals("process", r.text("tracking_mode"));
        assertEquals("llm-energy", r.text("project_name"));
        assertEquals(null, r.text("emissions"), "no location was given, so no emissions, and never 0");
        assertTrue(r.text("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), r.text("timestamp"));
    }

    @Test
    void importReadsRowsAsLabelledExternalMeasurementsOnce(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("emissions.csv");
        Files.writeString(csv, String.join(",", CodeCarbonCsv.COLUMNS) + "\n"
                + row("2026-08-12T19:37:29", "run-a", "12.1", "0.0001", "0.0002", "0.0", "0.00002", "0.00022")
                + row("2026-08-12T19:37:41", "run-a", "24.2", "0.0002", "0.0004", "0.0", "0.00004", "0.0"));
        Path results = dir.resolve("results.jsonl");
        CliRun first = CliRun.of("results", "import-codecarbon", csv.toString(), "--out", results.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("imported 2 CodeCarbon rows"), first.out());
        List<StoredRecord> records = ResultsReader.read(results).records();
        assertEquals(2, records.size());
        JsonNode a = records.get(0).json();
        assertEquals("external", a.get("type").asText());
        assertEquals("codecarbon", a.get("tool").asText());
        assertEquals(0.00022 * 3.6e6, a.get("energyJ").asDouble(), 1e-9);
        assertEquals(0.0002 * 3.6e6, a.get("componentsJ").get("gpu").asDouble(), 1e-9);
        assertFalse(a.get("componentsJ").has("ram"), "a 0 in CodeCarbon's file is not a measured zero");
        assertTrue(a.get("caveats").toString().contains("cumulative"));
        assertEquals(csv + ":2", a.get("importedFrom").asText());
        JsonNode b = records.get(1).json();
        assertTrue(b.get("energyJ").isNull());
        assertTrue(b.get("energyMissing").asText().contains("not taken as a measured zero"));
        assertEquals("0.0", b.get("original").get("energy_consumed").asText());

        CliRun again = CliRun.of("results", "import-codecarbon", csv.toString(), "--out", results.toString());
        assertTrue(again.out().contains("imported 0 CodeCarbon rows") && again.out().contains("2 already there"), again.out());
        assertEquals(2, ResultsReader.read(results).records().size());
        assertEquals(0, CliRun.of("results", "show", results.toString(), "--format", "json").exit());
        // Imported records have no sweep cell: readers of sweep records leave them out instead of failing on them.
        assertEquals(0, ResultsReader.read(results).sweepRecords().size());
        CliRun estimate = CliRun.of("estimate", "--source", "results", results.toString(), "--input", "100", "--output", "10");
        assertEquals(1, estimate.exit());
        assertFalse(estimate.err().contains("not a results record"), "external records are not parsed as sweep records: " + estimate.err());
    }

    @Test
    void aBadNumberStopsTheImportBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("emissions.csv");
        Files.writeString(csv, "timestamp,run_id,energy_consumed\n2026-01-01T00:00:00,r,0.1\n2026-01-01T00:00:10,r,ten\n");
        Path results = dir.resolve("results.jsonl");
        CliRun r = CliRun.of("results", "import-codecarbon", csv.toString(), "--out", results.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("emissions.csv:3:3 (energy_consumed): not a finite number"), r.err());
        assertFalse(Files.exists(results) && Files.size(results) > 0);
    }

    private static String row(String time, String run, String duration, String cpu, String gpu, String ram, String emissions, String total) {
        String[] v = new String[CodeCarbonCsv.COLUMNS.size()];
        java.util.Arrays.fill(v, "");
        put(v, "timestamp", time);
        put(v, "project_name", "p");
        put(v, "run_id", run);
        put(v, "duration", duration);
        put(v, "cpu_energy", cpu);
        put(v, "gpu_energy", gpu);
        put(v, "ram_energy", ram);
        put(v, "emissions", emissions);
        put(v, "energy_consumed", total);
        put(v, "country_iso_code", "FRA");
        return String.join(",", v) + "\n";
    }

    private static void put(String[] v, String column, String value) { v[CodeCarbonCsv.COLUMNS.indexOf(column)] = value; }
}
