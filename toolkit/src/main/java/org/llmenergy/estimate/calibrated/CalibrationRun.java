package org.llmenergy.estimate.calibrated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.llmenergy.estimate.external.MlEnergyV2Reader;
import org.llmenergy.units.Interval;

/**
 * {@code llm-energy calibrate}: reads measurement files, fits the parameters on all of them, runs the leave-one-
 * model-out and leave-one-GPU-out checks, and packages the result as a {@link Calibration} with its provenance.
 */
public final class CalibrationRun {
    /** Version stamped on calibrations made by this code. */
    public static final String VERSION = "2026.11-v3.1";

    private CalibrationRun() {}

    /**
     * Everything {@code calibrate} prints.
     *
     * @param calibration   the packaged calibration
     * @param points        the configurations fitted
     * @param unsupported   configurations set aside, with reasons
     * @param inSample      predictions of the final fit on its own data (for reference, not a validation number)
     * @param leaveOneModelOut held-out predictions by architecture group
     * @param leaveOneGpuOut   held-out predictions by GPU (datasheet transfer)
     * @param sensitivity   MAPE (percent) of the final fit when every task's prompt length is scaled, by scale
     */
    public record Outcome(Calibration calibration, List<CalibrationPoint> points, List<Configuration.Unsupported> unsupported,
                          CrossValidation.Result inSample, CrossValidation.Result leaveOneModelOut,
                          CrossValidation.Result leaveOneGpuOut, Map<Double, Double> sensitivity) {}

    /**
     * @param files ML.ENERGY v3 model files or folders
     * @param gpus  datasheet facts per catalog GPU name
     * @return the outcome
     * @throws IOException when a file cannot be read
     */
    public static Outcome run(List<Path> files, Function<String, GpuFacts> gpus) throws IOException {
        List<Configuration> configs = MlEnergyPoints.readV3(files);
        List<CalibrationPoint> points = new ArrayList<>();
        List<Configuration.Unsupported> unsupported = new ArrayList<>();
        for (Configuration c : configs) {
            if (c instanceof Configuration.Supported s) points.add(s.point());
            else unsupported.add((Configuration.Unsupported) c);
        }
        Calibrator calibrator = new Calibrator(gpus);
        CalibrationParameters params = calibrator.fit(points);
        CrossValidation.Result lomo = CrossValidation.leaveOneModelOut(calibrator, points, Interval.LEVEL);
        CrossValidation.Result logo = CrossValidation.leaveOneGpuOut(calibrator, points, Interval.LEVEL);
        List<HeldOutPrediction> fitted = new ArrayList<>();
        for (CalibrationPoint p : points) {
            double v = calibrator.predict(p, params).joulesPerOutputToken();
            Interval iv = lomo.factors().around(v);
            fitted.add(new HeldOutPrediction(p, v, iv.low(), iv.high()));
        }
        Map<Double, Double> sensitivity = new LinkedHashMap<>();
        for (double scale : new double[] {0.5, 2.0}) {
            Map<String, Double> scaled = new TreeMap<>();
            params.taskInputTokens().forEach((k, v) -> scaled.put(k, v * scale));
            CalibrationParameters s = new CalibrationParameters(params.gpus(), params.shared(), scaled);
            sensitivity.put(scale, 100 * points.stream().mapToDouble(p ->
                    Math.abs(calibrator.predict(p, s).joulesPerOutputToken() / p.measured().joulesPerOutputToken() - 1)).average().orElse(Double.NaN));
        }
        Map<String, Calibration.GpuRange> ranges = new TreeMap<>();
        for (String g : new TreeSet<>(points.stream().map(CalibrationPoint::gpu).toList())) {
            List<CalibrationPoint> on = points.stream().filter(p -> p.gpu().equals(g)).toList();
            ranges.put(g, new Calibration.GpuRange(on.stream().mapToInt(CalibrationPoint::maxNumSeqs).min().orElseThrow(),
                    on.stream().mapToInt(CalibrationPoint::maxNumSeqs).max().orElseThrow(),
                    on.stream().mapToInt(CalibrationPoint::gpus).max().orElseThrow(), on.size()));
        }
        Map<String, Double> cv = new TreeMap<>();
        cv.put("lomo_mape_percent", lomo.mape(h -> true));
        lomo.mapeBy(h -> h.point().gpu()).forEach((k, v) -> cv.put("lomo_mape_percent:" + k, v));
        cv.put("lomo_coverage_percent", lomo.coverage(h -> true));
        cv.put("logo_mape_percent", logo.mape(h -> true));
        cv.put("logo_coverage_percent", logo.coverage(h -> true));
        cv.put("in_sample_mape_percent", new CrossValidation.Result(fitted, lomo.factors()).mape(h -> true));
        Map<String, String> software = new TreeMap<>();
        software.put("data_engine", "vLLM 0.11.1 (ML.ENERGY v3; per the ML.ENERGY blog 'LLM Inference Energy: A Longitudinal Analysis')");
        software.put("fit", "llm-energy " + VERSION + " (Levenberg-Marquardt, commons-math3 3.6.1); java " + System.getProperty("java.specification.version"));
        Calibration cal = new Calibration(VERSION, MlEnergyPoints.V3_GENERATION, LocalDate.now(ZoneOffset.UTC).toString(), params,
                lomo.factors(), logo.factors(), ranges, List.of(datasetUse(files, configs.size())), software, cv,
                List.copyOf(new TreeSet<>(points.stream().map(CalibrationPoint::group).toList())));
        return new Outcome(cal, points, unsupported, new CrossValidation.Result(fitted, lomo.factors()), lomo, logo, sensitivity);
    }

    private static Calibration.DatasetUse datasetUse(List<Path> roots, int configurations) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).forEach(files::add);
                }
            } else {
                files.add(r);
            }
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        StringBuilder hashes = new StringBuilder();
        for (Path f : files) hashes.append(Calibration.sha256(Files.readAllBytes(f))).append("  ").append(f.getFileName()).append('\n');
        return new Calibration.DatasetUse("mlenergy-v3", files.size(),
                Calibration.sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                MlEnergyV2Reader.CITATION + "; " + configurations + " configurations");
    }
}
