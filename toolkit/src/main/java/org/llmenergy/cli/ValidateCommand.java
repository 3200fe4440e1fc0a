package org.llmenergy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.MlEnergyPoints;
import org.llmenergy.estimate.calibrated.Validation;
import org.llmenergy.io.Json;
import org.llmenergy.serving.ClosedLoopValidation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llm-energy validate}: the calibrated model against any ML.ENERGY v3-format file, predicting each
 * configuration from what a user knows beforehand only.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Predict every configuration of ML.ENERGY v3 model files from model, GPU, TP, precision, engine,",
                "max_num_seqs and the task's lengths only, and compare with what the files measured.",
                "--mode simulate replays each on the serving simulator (closed loop of max_num_seqs clients).",
                "Rows of a model that was in the calibration are marked in_calibration (in-sample, not a held-out check).",
                "Exit codes: 0 done (unsupported configurations are listed and counted), 1 error."})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--against", required = true, paramLabel = "PATH", split = ",", arity = "1..*",
            description = "ML.ENERGY v3 model files or folders of them")
    List<Path> against;

    @Option(names = "--calibration", paramLabel = "FILE", description = "a calibration from 'calibrate --write' (default: the shipped one)")
    Path calibrationFile;

    @Option(names = "--mode", defaultValue = "steady", paramLabel = "steady|simulate",
            description = "steady (the steady-state model; default) or simulate (each configuration replayed on the serving "
                    + "simulator as a closed loop of max_num_seqs clients: simulated vs measured average batch, median ITL and J per token)")
    String mode;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new IllegalArgumentException("--format must be text or json");
        if (!mode.equals("steady") && !mode.equals("simulate")) throw new IllegalArgumentException("--mode must be steady or simulate, got '" + mode + "'");
        Calibration cal = calibrationFile == null ? Calibration.bundled() : Calibration.read(calibrationFile);
        if (mode.equals("simulate")) return simulate(cal);
        List<Validation.Row> rows = Validation.run(MlEnergyPoints.readV3(against), cal, CalibrationInputs::gpu);
        Map<String, Object> summary = Validation.summary(rows);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            List<Map<String, Object>> list = new ArrayList<>();
            for (Validation.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", r.file());
                m.put("index", r.index());
                m.put("model", r.model());
                m.put("gpu", r.gpu());
                m.put("tp", r.tp());
                m.put("max_num_seqs", r.maxNumSeqs());
                m.put("status", r.status());
                m.put("reason", r.reason());
                m.put("predicted", r.predicted());
                m.put("low", r.low());
                m.put("high", r.high());
                m.put("measured", r.measured());
                m.put("inside", r.predicted() == null ? null : r.covered());
                m.put("in_calibration", r.inCalibration());
                m.put("predicted_power_w", r.predictedWatts());
                m.put("measured_power_w", r.measuredWatts());
                m.put("predicted_itl_ms", r.predictedItlMs());
                m.put("measured_median_itl_ms", r.measuredItlMs());
                list.add(m);
            }
            printJson(out, root, list, summary, cal);
        } else {
            out.printf(Locale.ROOT, "%-44s %-5s %3s %5s  %9s %9s  %-21s %4s %6s %6s %6s %6s%n", "configuration", "gpu", "tp", "mns",
                    "pred J/t", "meas J/t", "90% interval", "in?", "pred W", "meas W", "pITLms", "mITLms");
            for (Validation.Row r : rows) {
                String cfg = r.file() + "#" + r.index();
                if (r.predicted() == null) {
                    out.printf(Locale.ROOT, "%-44s %-5s %3d %5d  UNSUPPORTED: %s%n", abbreviate(cfg), r.gpu(), r.tp(), r.maxNumSeqs(), r.reason());
                    continue;
                }
                out.printf(Locale.ROOT, "%-44s %-5s %3d %5d  %9.4f %9.4f  [%8.4f, %8.4f] %4s %6.0f %6s %6.1f %6s%s%n", abbreviate(cfg),
                        shortGpu(r.gpu()), r.tp(), r.maxNumSeqs(), r.predicted(), r.measured(), r.low(), r.high(),
                        r.covered() ? "yes" : "NO", r.predictedWatts(), r.measuredWatts() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.measuredWatts()),
                        r.predictedItlMs(), orDash(r.measuredItlMs()),
                        r.inCalibration() ? "  (in calibration)" : "");
            }
            out.println();
            out.println("summary: " + summary);
        }
        out.flush();
        return 0;
    }

    private int simulate(Calibration cal) throws Exception {
        List<ClosedLoopValidation.Row> rows = ClosedLoopValidation.run(MlEnergyPoints.readV3(against), cal);
        Map<String, Object> summary = ClosedLoopValidation.summary(rows);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            List<Map<String, Object>> list = new ArrayList<>();
            for (ClosedLoopValidation.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", r.source());
                m.put("model", r.model());
                m.put("gpu", r.gpu());
                m.put("tp", r.tp());
                m.put("max_num_seqs", r.maxNumSeqs());
                m.put("status", r.status());
                m.put("reason", r.reason());
                m.put("simulated_avg_batch", r.simulatedBatch());
                m.put("measured_avg_batch", r.measuredBatch());
                m.put("simulated_median_itl_ms", r.simulatedItlMs());
                m.put("measured_median_itl_ms", r.measuredItlMs());
                m.put("simulated_j_per_token", r.simulatedJoulesPerToken());
                m.put("low", r.low());
                m.put("high", r.high());
                m.put("measured_j_per_token", r.measuredJoulesPerToken());
                list.add(m);
            }
            root.put("mode", "simulate");
            printJson(out, root, list, summary, cal);
        } else {
            out.printf(Locale.ROOT, "%-44s %-5s %3s %5s  %7s %7s  %7s %7s  %9s %9s%n", "configuration", "gpu", "tp", "mns",
                    "sim bat", "meas", "sim ITL", "meas", "sim J/t", "meas J/t");
            for (ClosedLoopValidation.Row r : rows) {
                if (!r.status().equals("ok")) {
                    out.printf(Locale.ROOT, "%-44s %-5s %3d %5d  UNSUPPORTED: %s%n", abbreviate(r.source()), shortGpu(r.gpu()), r.tp(),
                            r.maxNumSeqs(), r.reason());
                    continue;
                }
                out.printf(Locale.ROOT, "%-44s %-5s %3d %5d  %7.1f %7s  %7.1f %7s  %9.4f %9.4f%n", abbreviate(r.source()), shortGpu(r.gpu()),
                        r.tp(), r.maxNumSeqs(), r.simulatedBatch(), orDash(r.measuredBatch()),
                        r.simulatedItlMs(), orDash(r.measuredItlMs()),
                        r.simulatedJoulesPerToken(), r.measuredJoulesPerToken());
            }
            out.println();
            out.println("summary (simulated, closed loop of max_num_seqs clients): " + summary);
        }
        out.flush();
        return 0;
    }

    /** Prints the JSON both modes share: their rows, the summary, and the calibration's version and hash. */
    private void printJson(PrintWriter out, Map<String, Object> root, List<Map<String, Object>> rows, Map<String, Object> summary,
                           Calibration cal) throws Exception {
        root.put("configurations", rows);
        root.put("summary", summary);
        root.put("calibration", Map.of("version", cal.version(), "sha256", calibrationFile == null ? Calibration.bundledSha256() : cal.sha256()));
        out.println(Json.pretty().writeValueAsString(root));
    }

    /** @return the value with one decimal, or "-" when it was not measured */
    private static String orDash(Double v) { return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v); }

    private static String abbreviate(String s) { return s.length() <= 44 ? s : "…" + s.substring(s.length() - 43); }

    private static String shortGpu(String g) { return g.length() <= 5 ? g : g.substring(0, 5); }
}
