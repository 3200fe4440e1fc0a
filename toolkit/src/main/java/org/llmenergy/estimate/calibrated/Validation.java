package org.llmenergy.estimate.calibrated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.llmenergy.units.Interval;

/**
 * {@code llm-energy validate}: predicts every configuration of ML.ENERGY-format files from what a user knows
 * beforehand (model, GPU, parallelism, precision, {@code max_num_seqs}, the task's lengths) and compares with what
 * the files measured. The files' measured batch, power, latency, throughput and energy are never inputs.
 */
public final class Validation {

    private Validation() {}

    /**
     * One configuration's outcome; J per output token for {@code predicted}, {@code low}, {@code high} and
     * {@code measured}.
     *
     * @param file            the file
     * @param index           the configuration's index in the file
     * @param model           model id
     * @param gpu             GPU as the file names it
     * @param tp              tensor-parallel degree
     * @param maxNumSeqs      batch limit
     * @param status          {@code ok} or {@code unsupported}
     * @param reason          why unsupported, or the caveats of an ok row (null when none)
     * @param predicted       predicted J per output token (null when unsupported)
     * @param low             lower end of the 90 % interval
     * @param high            upper end
     * @param measured        measured J per output token
     * @param inCalibration   true when this model's architecture was in the calibration data (the row is not a
     *                        held-out check)
     * @param predictedWatts  predicted mean power over all GPUs, in watts
     * @param measuredWatts   measured mean power, if the file gives it
     * @param predictedItlMs  predicted inter-token latency (step time), in milliseconds
     * @param measuredItlMs   measured median ITL, if given
     * @param architecture    "dense" or "moe"
     */
    public record Row(String file, int index, String model, String gpu, int tp, int maxNumSeqs, String status, String reason,
                      Double predicted, Double low, Double high, double measured, boolean inCalibration,
                      Double predictedWatts, Double measuredWatts, Double predictedItlMs, Double measuredItlMs,
                      String architecture) {

        /** @return true when the measurement lies in the interval */
        public boolean covered() { return predicted != null && measured >= low && measured <= high; }

        /** @return |predicted / measured - 1|, or NaN when unsupported */
        public double absolutePercentageError() { return predicted == null ? Double.NaN : Math.abs(predicted / measured - 1); }
    }

    /**
     * @param configurations configurations read by {@link MlEnergyPoints}
     * @param calibration    the calibration to check
     * @param gpus           datasheet facts per catalog GPU
     * @return one row per configuration, in input order
     */
    public static List<Row> run(List<Configuration> configurations, Calibration calibration, Function<String, GpuFacts> gpus) {
        Calibrator predictor = new Calibrator(gpus);
        Set<String> trained = calibration.trainedGroups() == null ? Set.of() : Set.copyOf(calibration.trainedGroups());
        List<Row> rows = new ArrayList<>();
        for (Configuration c : configurations) {
            String[] fi = split(c.source());
            if (c instanceof Configuration.Unsupported u) {
                rows.add(new Row(fi[0], Integer.parseInt(fi[1]), u.modelId(), u.gpu(), u.tp(), u.maxNumSeqs(), "unsupported", u.reason(),
                        null, null, null, u.measuredJoulesPerToken(), false, null, null, null, null, null));
                continue;
            }
            Configuration.Supported s = (Configuration.Supported) c;
            CalibrationPoint p = s.point();
            List<String> notes = new ArrayList<>();
            if (s.shapeFromFacts()) notes.add("no preset: shape from the file's parameter counts (documented defaults)");
            if (!TaskInputs.known(p.task())) notes.add("task '" + p.task() + "' has no documented prompt length: " + TaskInputs.UNKNOWN_TASK_TOKENS + " assumed");
            GenerationCalibration gen = calibration.newest();
            boolean calibratedGpu = gen.parameters().calibrated(p.gpu());
            if (!calibratedGpu) notes.add("GPU without calibration data: datasheet transfer");
            SteadyState st = predictor.predict(p, gen.parameters());
            Interval iv = gen.factorsFor(p.gpu()).around(st.joulesPerOutputToken());
            CalibrationPoint.Measured m = p.measured();
            rows.add(new Row(fi[0], Integer.parseInt(fi[1]), p.modelId(), p.gpu(), p.gpus(), p.maxNumSeqs(), "ok",
                    notes.isEmpty() ? null : String.join("; ", notes), iv.value(), iv.low(), iv.high(), m.joulesPerOutputToken(),
                    trained.contains(p.group()), st.step().wattsPerGpu() * st.step().gpus(),
                    m.watts().isPresent() ? m.watts().getAsDouble() : null, st.step().seconds() * 1000,
                    m.medianItlMs().isPresent() ? m.medianItlMs().getAsDouble() : null,
                    p.shape().isMoe() ? "moe" : "dense"));
        }
        return rows;
    }

    /** @return the summary: counts, MAPE overall / by GPU / by architecture, coverage (percent) */
    public static Map<String, Object> summary(List<Row> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Row> ok = rows.stream().filter(r -> r.predicted() != null).toList();
        s.put("configurations", rows.size());
        s.put("ok", ok.size());
        s.put("unsupported", rows.size() - ok.size());
        s.put("in_calibration", ok.stream().filter(Row::inCalibration).count());
        s.put("mape_percent", mape(ok));
        s.put("mape_percent_by_gpu", mapeBy(ok, Row::gpu));
        s.put("mape_percent_by_architecture", mapeBy(ok, Row::architecture));
        s.put("coverage_percent", ok.isEmpty() ? null : 100.0 * ok.stream().filter(Row::covered).count() / ok.size());
        s.put("interval_level", Interval.LEVEL);
        return s;
    }

    private static Double mape(List<Row> rows) {
        return rows.isEmpty() ? null : 100 * rows.stream().mapToDouble(Row::absolutePercentageError).average().orElseThrow();
    }

    private static Map<String, Double> mapeBy(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> g = new TreeMap<>();
        for (Row r : rows) g.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        Map<String, Double> out = new LinkedHashMap<>();
        g.forEach((k, v) -> out.put(k, mape(v)));
        return out;
    }

    private static String[] split(String source) {
        int i = source.lastIndexOf('#');
        return new String[] {source.substring(0, i), source.substring(i + 1)};
    }
}
