package org.llmenergy.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.llmenergy.estimate.calibrated.HeldOutPrediction;

/**
 * The calibrated model against public measurements: predicted against measured energy per output token, each
 * prediction from a fit that never saw the configuration's model (leave one model out).
 */
public final class CalibrationFigures {
    private CalibrationFigures() {}

    /**
     * Measured (x) against predicted (y) J per output token on log axes, one point series per GPU, with the line
     * predicted = measured and the 90 % band: a measurement m lies in its interval [p e^lo, p e^hi] exactly when the
     * point sits between y = x e^-hi and y = x e^-lo. The band drawn uses the median ends of the rows' own intervals;
     * the caption counts how many measurements lie inside their own interval.
     *
     * @param predictions held-out predictions
     * @param dataSource  where the measurements come from, with citation
     * @return panel {@code calibrated-vs-measured}
     */
    public static Panel predictedVsMeasured(List<HeldOutPrediction> predictions, String dataSource) {
        if (predictions.isEmpty()) throw new IllegalArgumentException("no held-out predictions to draw");
        Plot plot = Plot.xy("Calibrated model vs public measurements (leave one model out)",
                Axis.log10("measured energy per output token (J)"), Axis.log10("predicted energy per output token (J)"));
        Map<String, List<HeldOutPrediction>> byGpu = new TreeMap<>();
        for (HeldOutPrediction h : predictions) byGpu.computeIfAbsent(h.point().gpu(), g -> new ArrayList<>()).add(h);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, List<HeldOutPrediction>> e : byGpu.entrySet()) {
            List<HeldOutPrediction> rows = e.getValue();
            double[] x = rows.stream().mapToDouble(HeldOutPrediction::measured).toArray();
            double[] y = rows.stream().mapToDouble(HeldOutPrediction::predicted).toArray();
            for (int i = 0; i < x.length; i++) {
                min = Math.min(min, Math.min(x[i], y[i]));
                max = Math.max(max, Math.max(x[i], y[i]));
            }
            plot.addPoints(new Series(e.getKey() + " · held-out prediction (" + rows.size() + ")", e.getKey(), x, y,
                    Labels.MODEL_SOURCE));
        }
        double lo = median(predictions.stream().mapToDouble(h -> Math.log(h.low() / h.predicted())).toArray());
        double hi = median(predictions.stream().mapToDouble(h -> Math.log(h.high() / h.predicted())).toArray());
        double[] ends = {min / 1.2, max * 1.2};
        plot.add(new Series("predicted = measured", "reference", ends, ends.clone(), Labels.MODEL_SOURCE));
        plot.add(new Series(String.format(Locale.ROOT, "90 %% band, measured up to x%.2f", Math.exp(hi)), "band", ends,
                new double[] {ends[0] * Math.exp(-hi), ends[1] * Math.exp(-hi)}, Labels.MODEL_SOURCE));
        plot.add(new Series(String.format(Locale.ROOT, "90 %% band, measured down to x%.2f", Math.exp(lo)), "band", ends,
                new double[] {ends[0] * Math.exp(-lo), ends[1] * Math.exp(-lo)}, Labels.MODEL_SOURCE));
        long covered = predictions.stream().filter(HeldOutPrediction::covered).count();
        double mape = 100 * predictions.stream().mapToDouble(HeldOutPrediction::absolutePercentageError).average().orElseThrow();
        String caption = String.format(Locale.ROOT, "Each point is one public configuration (model, GPU, TP, max_num_seqs, task)"
                + " predicted by a calibration fitted without its model: %d configurations, MAPE %.1f %%, %d of them (%.1f %%)"
                + " measured inside their own 90 %% interval. Points above the diagonal are over-predictions. The band lines"
                + " use the median interval ends (measured between x%.2f and x%.2f of the prediction).",
                predictions.size(), mape, covered, 100.0 * covered / predictions.size(), Math.exp(lo), Math.exp(hi));
        return new Panel("calibrated-vs-measured", plot, caption, "x: " + dataSource + " (public measurements); y: "
                + Labels.MODEL_SOURCE + " (the calibrated model, an estimate, held out by model)");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
