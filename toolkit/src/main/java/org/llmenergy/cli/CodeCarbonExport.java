package org.llmenergy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.llmenergy.energy.DeviceEnergy;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.MeterKind;
import org.llmenergy.impact.CodeCarbonCsv;
import org.llmenergy.impact.CodeCarbonRow;
import org.llmenergy.units.Energy;

/**
 * {@code measure --codecarbon-csv FILE}: a measurement as one row of CodeCarbon's emissions.csv, so dashboards that
 * read CodeCarbon's files read ours. Glue between {@code energy} and {@code impact}, which do not know each other.
 *
 * <p>What a CodeCarbon row would have and a measurement does not is left empty, never 0: emissions (measure takes no
 * location), water, RAM energy (not metered), Python and CodeCarbon versions, coordinates. {@code pue} is 1 because
 * the energy is IT energy with no PUE applied. The timestamp is the window's end in UTC.
 */
final class CodeCarbonExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private CodeCarbonExport() {}

    /** Appends {@code m} to {@code file} and says on {@code err} what the file's older layout had no column for. */
    static void append(Path file, Measurement m, PrintWriter err) {
        List<String> dropped = CodeCarbonCsv.append(file, row(m));
        if (!dropped.isEmpty()) {
            err.println("llm-energy: " + file + " has an older CodeCarbon header without " + dropped + "; those values were not written");
        }
    }

    /** @return the row of a measurement, in CodeCarbon's units */
    static CodeCarbonRow row(Measurement m) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String c : CodeCarbonCsv.COLUMNS) v.put(c, "");
        v.put("timestamp", TIME.format(Instant.ofEpochMilli(Math.round(m.endEpochS() * 1000))));
        v.put("project_name", "llm-energy");
        v.put("run_id", UUID.randomUUID().toString());
        v.put("duration", num(m.durationS()));
        kind(v, m, "cpu", List.of("package", "cpu"));
        kind(v, m, "gpu", List.of("gpu"));
        kind(v, m, "ram", List.of("dram"));
        if (m.total().isPresent()) v.put("energy_consumed", num(Energy.toKwh(m.total().joules())));
        v.put("os", System.getProperty("os.name") + "-" + System.getProperty("os.version"));
        v.put("cpu_count", Integer.toString(Runtime.getRuntime().availableProcessors()));
        List<String> gpus = new ArrayList<>();
        for (DeviceEnergy d : m.devices()) if (d.domain().equals("gpu")) gpus.add(model(d.description()));
        if (!gpus.isEmpty()) {
            v.put("gpu_count", Integer.toString(gpus.size()));
            v.put("gpu_model", String.join(" + ", gpus));
        }
        // CodeCarbon's modes: "machine" meters the whole device, "process" only the tracked process.
        v.put("tracking_mode", m.meter() == MeterKind.CPU_ESTIMATE ? "process" : "machine");
        v.put("pue", "1");
        return new CodeCarbonRow(0, v);
    }

    /** Fills {@code <kind>_energy} (kWh) and {@code <kind>_power} (W) when every channel of the kind has a figure. */
    private static void kind(Map<String, String> v, Measurement m, String kind, List<String> domains) {
        double joules = 0;
        int n = 0;
        for (DeviceEnergy d : m.devices()) {
            if (!d.inTotal() || !domains.contains(d.domain())) continue;
            if (!d.gross().isPresent()) return;
            joules += d.gross().joules();
            n++;
        }
        if (n == 0) return;
        v.put(kind + "_energy", num(Energy.toKwh(joules)));
        if (m.durationS() > 0) v.put(kind + "_power", num(joules / m.durationS()));
    }

    private static String model(String description) {
        if (description == null) return "";
        int colon = description.lastIndexOf(": ");
        return colon < 0 ? description : description.substring(colon + 2);
    }

    private static String num(double x) { return String.format(Locale.ROOT, "%s", x); }
}
