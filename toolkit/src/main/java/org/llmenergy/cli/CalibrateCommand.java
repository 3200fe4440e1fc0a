package org.llmenergy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.CalibrationRun;
import org.llmenergy.estimate.calibrated.Configuration;
import org.llmenergy.estimate.calibrated.CrossValidation;
import org.llmenergy.estimate.calibrated.HeldOutPrediction;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperNumbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.llmenergy.io.Json;

/**
 * {@code llm-energy calibrate}: fits the calibrated model to public measurements and prints the leave-one-model-out
 * validation, interval coverage, the leave-one-GPU-out transfer error, and the comparison with the two baselines.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the calibrated energy model to ML.ENERGY v3 files and print its held-out error.",
                "Leave-one-model-out: each architecture is predicted by a fit that never saw it; 90 %% intervals are",
                "split-conformal on those residuals. The shipped calibration is what 'calibrate --write' makes from the",
                "default data (the v3 calibration split in the dataset catalog)."})
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "PATH", split = ",",
            description = "ML.ENERGY v3 model files or folders (default: the catalog's mlenergy-v3 calibration split)")
    List<Path> from;

    @Option(names = "--v2", paramLabel = "PATH", split = ",",
            description = "ML.ENERGY v2 folders or files, fitted as the older software generation vllm-0.5.4 (default: the catalog's mlenergy-v2)")
    List<Path> v2;

    @Option(names = "--no-v2", description = "fit the newest generation (ML.ENERGY v3) only")
    boolean noV2;

    @Option(names = "--write", paramLabel = "FILE", description = "write the calibration (JSON) to FILE, for --calibration")
    Path write;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new IllegalArgumentException("--format must be text or json");
        List<Path> files = from == null || from.isEmpty() ? CalibrationInputs.defaultCalibrationFiles() : from;
        List<Path> v2Files = noV2 ? List.of() : v2 == null || v2.isEmpty() ? CalibrationInputs.defaultV2Files() : v2;
        CalibrationRun.Outcome o = CalibrationRun.run(files, v2Files, CalibrationInputs::gpu);
        Baselines baselines = new Baselines(CalibrationInputs::gpu, Figure2Fit.fit(PaperNumbers.load()));
        Map<String, Double> comparison = baselines.comparison(o, h -> true);
        if (write != null) o.calibration().write(write);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("calibration", Map.of("version", o.calibration().version(), "sha256", o.calibration().sha256()));
            root.put("configurations", o.points().size() + o.unsupported().size());
            root.put("fitted", o.points().size());
            root.put("unsupported", o.unsupported().stream().map(u -> Map.of("source", u.source(), "reason", u.reason())).toList());
            root.put("leave_one_model_out", summary(o.leaveOneModelOut()));
            root.put("leave_one_gpu_out", summary(o.leaveOneGpuOut()));
            root.put("in_sample_mape_percent", o.inSample().mape(h -> true));
            root.put("input_length_sensitivity_mape_percent", o.sensitivity());
            root.put("comparison_mape_percent", comparison);
            root.put("parameters", o.calibration().parameters());
            Map<String, Object> older = new LinkedHashMap<>();
            o.older().forEach((g, r) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fitted", r.points().size());
                m.put("unsupported", r.unsupported().size());
                m.put("leave_one_model_out", summary(r.leaveOneModelOut()));
                m.put("spread_vs_newest", r.calibration().spread());
                older.put(g, m);
            });
            root.put("older_generations", older);
            out.println(Json.pretty().writeValueAsString(root));
        } else {
            printText(out, o, comparison);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> summary(CrossValidation.Result r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mape_percent", r.mape(h -> true));
        s.put("mape_percent_by_gpu", r.mapeBy(h -> h.point().gpu()));
        s.put("mape_percent_by_architecture", r.mapeBy(h -> h.point().shape().isMoe() ? "moe" : "dense"));
        s.put("mape_percent_by_model", r.mapeBy(h -> h.point().group()));
        s.put("coverage_percent", r.coverage(h -> true));
        s.put("interval_log_ratio", List.of(r.factors().lowLogRatio(), r.factors().highLogRatio()));
        return s;
    }

    private static void printText(PrintWriter out, CalibrationRun.Outcome o, Map<String, Double> comparison) {
        Calibration c = o.calibration();
        out.printf(Locale.ROOT, "calibration %s (%s), sha256 %s%n", c.version(), c.generation(), c.sha256());
        out.printf(Locale.ROOT, "data: %d configurations fitted, %d unsupported%n", o.points().size(), o.unsupported().size());
        for (Configuration.Unsupported u : o.unsupported()) out.println("  unsupported " + u.source() + ": " + u.reason());
        CrossValidation.Result lomo = o.leaveOneModelOut();
        out.println();
        out.println("Leave-one-model-out (each architecture predicted by a fit that never saw it), J per output token:");
        out.printf(Locale.ROOT, "  MAPE %.1f %%  |  90 %% interval coverage %.1f %% (intervals from the other models' residuals)%n",
                lomo.mape(h -> true), lomo.coverage(h -> true));
        printBy(out, "GPU", lomo, h -> h.point().gpu());
        printBy(out, "architecture", lomo, h -> h.point().shape().isMoe() ? "moe" : "dense");
        printBy(out, "model", lomo, h -> h.point().group());
        out.printf(Locale.ROOT, "  shipped interval: x[%.3f, %.3f] around the prediction (%d held-out residuals)%n",
                Math.exp(lomo.factors().lowLogRatio()), Math.exp(lomo.factors().highLogRatio()), lomo.factors().residuals());
        CrossValidation.Result logo = o.leaveOneGpuOut();
        out.printf(Locale.ROOT, "Leave-one-GPU-out (datasheet transfer to a GPU without data): MAPE %.1f %%, coverage %.1f %%, "
                + "interval x[%.3f, %.3f]%n", logo.mape(h -> true), logo.coverage(h -> true),
                Math.exp(logo.factors().lowLogRatio()), Math.exp(logo.factors().highLogRatio()));
        printBy(out, "held-out GPU", logo, h -> h.point().gpu());
        out.printf(Locale.ROOT, "In-sample MAPE of the shipped fit: %.1f %% (not a validation number)%n", o.inSample().mape(h -> true));
        out.println();
        out.println("Comparison on the same configurations (MAPE of J per output token):");
        comparison.forEach((k, v) -> out.printf(Locale.ROOT, "  %-36s %6.1f %%%n", k, v));
        out.println();
        out.println("Prompt lengths (not in the files; assumptions with a fitted task correction, see TaskInputs):");
        c.parameters().taskInputTokens().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %.0f tokens%n", k, v));
        o.sensitivity().forEach((k, v) -> out.printf(Locale.ROOT, "  every prompt x%.1f -> in-sample MAPE %.1f %%%n", k, v));
        o.older().forEach((g, r) -> {
            out.println();
            out.printf(Locale.ROOT, "Older software generation %s (ML.ENERGY v2): %d configurations fitted, %d unsupported%n", g,
                    r.points().size(), r.unsupported().size());
            out.printf(Locale.ROOT, "  leave-one-model-out MAPE %.1f %%, coverage %.1f %%%n", r.leaveOneModelOut().mape(h -> true),
                    r.leaveOneModelOut().coverage(h -> true));
            printBy(out, "GPU", r.leaveOneModelOut(), h -> h.point().gpu());
            Map<String, Double> sp = r.calibration().spread();
            if (!sp.isEmpty()) {
                out.printf(Locale.ROOT, "  spread: on its %.0f configurations on GPUs both generations measured, %s predicts %.2fx "
                        + "(p10 %.2fx, p90 %.2fx) the energy of %s%n", sp.get("configurations"), g, sp.get("ratio_median"),
                        sp.get("ratio_p10"), sp.get("ratio_p90"), c.generation());
            }
        });
        out.println();
        out.println("Parameters: " + c.parameters());
    }

    private static void printBy(PrintWriter out, String what, CrossValidation.Result r,
                                java.util.function.Function<HeldOutPrediction, String> key) {
        List<String> parts = new ArrayList<>();
        r.mapeBy(key).forEach((k, v) -> {
            Predicate<HeldOutPrediction> sel = h -> key.apply(h).equals(k);
            parts.add(String.format(Locale.ROOT, "%s %.1f %% (n=%d, cov %.0f %%)", k, v,
                    r.predictions().stream().filter(sel).count(), r.coverage(sel)));
        });
        out.println("  by " + what + ": " + String.join("; ", parts));
    }
}
