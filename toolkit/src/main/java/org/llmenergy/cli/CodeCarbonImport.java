package org.llmenergy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmenergy.experiment.spec.ExperimentJson;
import org.llmenergy.experiment.results.ExternalMeasurement;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.ResultsWriter;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.impact.CodeCarbonCsv;
import org.llmenergy.impact.CodeCarbonRow;
import org.llmenergy.units.Energy;

/**
 * {@code results import-codecarbon}: CodeCarbon emissions.csv rows into a results file as labelled external
 * measurements. Glue between {@code impact} (the CSV layout) and {@code experiment} (the results store).
 */
final class CodeCarbonImport {
    static final String SPEC_HASH = "external:codecarbon";
    /** What a CodeCarbon row never tells, whatever its values. */
    static final List<String> ALWAYS = List.of(
            "not measured by llm-energy: imported from CodeCarbon's emissions.csv",
            "no prefill/decode split, no requests or tokens, no batch size: not comparable cell by cell with sweep records",
            "no interval: CodeCarbon gives point figures only",
            "CodeCarbon estimates CPU and RAM power from TDP and memory size when it cannot read RAPL; the row does not say which it did",
            "CodeCarbon rows are cumulative since the tracker started: several rows of one run_id are not to be summed");

    private CodeCarbonImport() {}

    /** Counts of one import. */
    record Summary(int imported, int alreadyPresent) {}

    /**
     * Appends every row of {@code csv} not already in {@code results} (same run and timestamp), each fsynced.
     *
     * @return how many were written and how many were already there
     */
    static Summary run(Path csv, Path results) throws IOException {
        List<CodeCarbonRow> rows = CodeCarbonCsv.read(csv);
        Set<String> present = new HashSet<>();
        if (java.nio.file.Files.exists(results)) { // a new results file is fine here; ResultsReader refuses a missing one
            for (StoredRecord r : ResultsReader.read(results).records()) if (r.specHash().equals(SPEC_HASH)) present.add(r.cellKey());
        }
        List<ExternalMeasurement> todo = new ArrayList<>();
        String now = Instant.now().toString();
        int skipped = 0;
        for (CodeCarbonRow row : rows) {
            ExternalMeasurement m = record(row, csv.toString(), now);
            if (!present.add(m.cellKey())) skipped++;
            else todo.add(m);
        }
        try (ResultsWriter w = ResultsWriter.open(results)) {
            for (ExternalMeasurement m : todo) w.appendLine(ExperimentJson.mapper().writeValueAsBytes(m));
        }
        return new Summary(todo.size(), skipped);
    }

    /** @return the record of one row; numbers that do not parse are errors naming file, line and column */
    static ExternalMeasurement record(CodeCarbonRow row, String file, String importedAt) {
        List<String> caveats = new ArrayList<>(ALWAYS);
        Double kwh = row.number("energy_consumed", file);
        Double energyJ = null;
        String missing = null;
        if (kwh == null) missing = "energy_consumed is empty";
        else if (kwh == 0) missing = "energy_consumed is 0: CodeCarbon writes 0 when it has no reading, so it is not taken as a measured zero";
        else if (kwh < 0) throw new IllegalArgumentException(file + ":" + row.line() + ": field 'energy_consumed' is negative: " + kwh);
        else energyJ = Energy.fromKwh(kwh);
        Map<String, Double> components = new LinkedHashMap<>();
        for (String c : List.of("cpu", "gpu", "ram")) {
            Double v = row.number(c + "_energy", file);
            if (v == null) caveats.add(c + "_energy is empty");
            else if (v == 0) caveats.add(c + "_energy is 0 in the file; CodeCarbon writes 0 for a device it could not read (or does not have), so it is left out");
            else components.put(c, Energy.fromKwh(v));
        }
        Map<String, String> location = new LinkedHashMap<>();
        for (String c : List.of("country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "on_cloud", "pue", "wue")) {
            if (row.text(c) != null) location.put(c, row.text(c));
        }
        Map<String, String> hardware = new LinkedHashMap<>();
        for (String c : List.of("cpu_model", "cpu_count", "gpu_model", "gpu_count", "ram_total_size", "tracking_mode", "codecarbon_version", "os")) {
            if (row.text(c) != null) hardware.put(c, row.text(c));
        }
        String key = String.join("|", nz(row.text("project_name")), nz(row.text("run_id")), nz(row.text("timestamp")));
        return new ExternalMeasurement(ResultRecord.SCHEMA, ExternalMeasurement.TYPE, SPEC_HASH, key, "codecarbon",
                "external measurement, imported from CodeCarbon's emissions.csv (not measured by llm-energy)",
                file + ":" + row.line(), importedAt, row.text("timestamp"), row.number("duration", file), energyJ, missing,
                components, row.number("emissions", file), location, hardware, caveats, row.values());
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
