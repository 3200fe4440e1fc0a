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
     * One generation's fit and its held-out checks.
     *
     * @param calibration      the packaged generation
     * @param points           the configurations fitted
     * @param unsupported      configurations set aside, with reasons
     * @param inSample         predictions of the final fit on its own data (for reference, not a validation number)
     * @param leaveOneModelOut held-out predictions by architecture group
     * @param leaveOneGpuOut   held-out predictions by GPU (datasheet transfer)
     * @param sensitivity      MAPE (percent) of the final fit when every task's prompt length is scaled, by scale
     */
    public record GenerationOutcome(GenerationCalibration calibration, List<CalibrationPoint> points,
                                    List<Configuration.Unsupported> unsupported, CrossValidation.Result inSample,
                                    CrossValidation.Result leaveOneModelOut, CrossValidation.Result leaveOneGpuOut,
                                    Map<Double, Double> sensitivity) {}

    /**
     * Everything {@code calibrate} prints.
     *
     * @param calibration the packaged calibration (newest generation plus the older ones)
     * @param newest      the newest generation's outcome (ML.ENERGY v3)
     * @param older       older generations' outcomes (ML.ENERGY v2), by generation
     */
    public record Outcome(Calibration calibration, GenerationOutcome newest, Map<String, GenerationOutcome> older) {
        /** @return the newest generation's points */
        public List<CalibrationPoint> points() { return newest.points(); }

        /** @return the newest generation's unsupported configurations */
        public List<Configuration.Unsupported> unsupported() { return newest.unsupported(); }

        /** @return the newest generation's in-sample predictions */
        public CrossValidation.Result inSample() { return newest.inSample(); }

        /** @return the newest generation's leave-one-model-out predictions */
        public CrossValidation.Result leaveOneModelOut() { return newest.leaveOneModelOut(); }

        /** @return the newest generation's leave-one-GPU-out predictions */
        public CrossValidation.Result leaveOneGpuOut() { return newest.leaveOneGpuOut(); }

        /** @return the newest generation's prompt-length sensitivity */
        public Map<Double, Double> sensitivity() { return newest.sensitivity(); }
    }

    /**
     * @param v3Files ML.ENERGY v3 model files or folders (the newest generation)
     * @param v2Roots ML.ENERGY v2 folders or files (an older generation); empty to skip
     * @param gpus    datasheet facts per catalog GPU name
     * @return the outcome
     * @throws IOException when a file cannot be read
     */
    public static Outcome run(List<Path> v3Files, List<Path> v2Roots, Function<String, GpuFacts> gpus) throws IOException {
        Calibrator calibrator = new Calibrator(gpus);
        List<Configuration> v3 = MlEnergyPoints.readV3(v3Files);
        GenerationOutcome newest = fitGeneration(calibrator, MlEnergyPoints.V3_GENERATION, v3, null);
        Map<String, GenerationOutcome> older = new LinkedHashMap<>();
        Map<String, GenerationCalibration> olderCalibrations = new TreeMap<>();
        if (!v2Roots.isEmpty()) {
            GenerationOutcome v2 = fitGeneration(calibrator, MlEnergyPoints.V2_GENERATION, MlEnergyPoints.readV2(v2Roots),
                    newest.calibration().parameters());
            older.put(MlEnergyPoints.V2_GENERATION, v2);
            olderCalibrations.put(MlEnergyPoints.V2_GENERATION, v2.calibration());
        }
        GenerationCalibration g = newest.calibration();
        Map<String, String> software = new TreeMap<>();
        software.put("data_engine", "vLLM 0.11.1 (ML.ENERGY v3); vLLM 0.5.4 (ML.ENERGY v2); per the ML.ENERGY blog "
                + "'LLM Inference Energy: A Longitudinal Analysis'");
        software.put("fit", "llm-energy " + VERSION + " (Levenberg-Marquardt, commons-math3 3.6.1); java " + System.getProperty("java.specification.version"));
        List<Calibration.DatasetUse> datasets = new ArrayList<>(List.of(datasetUse("mlenergy-v3", v3Files, v3.size())));
        if (!v2Roots.isEmpty()) datasets.add(datasetUse("mlenergy-v2", v2Roots, older.get(MlEnergyPoints.V2_GENERATION).points().size()
                + older.get(MlEnergyPoints.V2_GENERATION).unsupported().size()));
        Calibration cal = new Calibration(VERSION, g.generation(), LocalDate.now(ZoneOffset.UTC).toString(), g.parameters(),
                g.calibratedGpu(), g.uncalibratedGpu(), g.ranges(), datasets, software, g.crossValidation(), g.trainedGroups(),
                olderCalibrations);
        return new Outcome(cal, newest, older);
    }

    /**
     * Fits one generation and checks it.
     *
     * @param reference the default generation's parameters, to report this generation's spread against; null for
     *                  the default generation itself
     */
    static GenerationOutcome fitGeneration(Calibrator calibrator, String generation, List<Configuration> configs,
                                           CalibrationParameters reference) {
        List<CalibrationPoint> points = new ArrayList<>();
        List<Configuration.Unsupported> unsupported = new ArrayList<>();
        for (Configuration c : configs) {
            if (c instanceof Configuration.Supported s) points.add(s.point());
            else unsupported.add((Configuration.Unsupported) c);
        }
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
        Map<String, Double> spread = new TreeMap<>();
        if (reference != null) {
            // This generation against the default on this generation's configurations where the default has the GPU.
            double[] ratios = points.stream().filter(p -> reference.calibrated(p.gpu()))
                    .mapToDouble(p -> calibrator.predict(p, params).joulesPerOutputToken()
                            / calibrator.predict(p, reference).joulesPerOutputToken()).sorted().toArray();
            if (ratios.length > 0) {
                spread.put("configurations", (double) ratios.length);
                spread.put("ratio_p10", ratios[(int) Math.floor(0.1 * (ratios.length - 1))]);
                spread.put("ratio_median", ratios[(ratios.length - 1) / 2]);
                spread.put("ratio_p90", ratios[(int) Math.ceil(0.9 * (ratios.length - 1))]);
            }
        }
        GenerationCalibration gc = new GenerationCalibration(generation, params, lomo.factors(), logo.factors(), ranges, cv,
                List.copyOf(new TreeSet<>(points.stream().map(CalibrationPoint::group).toList())), spread);
        return new GenerationOutcome(gc, points, unsupported, new CrossValidation.Result(fitted, lomo.factors()), lomo, logo, sensitivity);
    }

    private static Calibration.DatasetUse datasetUse(String id, List<Path> roots, int configurations) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().equals("models.json")).forEach(files::add);
                }
            } else {
                files.add(r);
            }
        }
        files.sort((a, b) -> a.toString().compareTo(b.toString()));
        StringBuilder hashes = new StringBuilder();
        for (Path f : files) hashes.append(Calibration.sha256(Files.readAllBytes(f))).append('\n');
        return new Calibration.DatasetUse(id, files.size(),
                Calibration.sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                MlEnergyV2Reader.CITATION + "; " + configurations + " configurations");
    }
}
