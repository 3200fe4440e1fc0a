package org.llmenergy.estimate.calibrated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.llmenergy.units.Interval;

/**
 * Held-out checks of the calibrated model, and the conformal intervals they give.
 *
 * <ul>
 *   <li><b>Leave one model out</b>: for each architecture group, fit on every other group and predict the group's
 *       configurations. No configuration of the group (any checkpoint or task of that architecture) reaches the
 *       fit, so the error is what a user sees for a model the calibration never saw.</li>
 *   <li><b>Intervals</b>: split-conformal factors from the held-out log ratios. Their coverage is itself checked
 *       without leakage: each group's intervals use factors from the other groups' residuals only.</li>
 *   <li><b>Leave one GPU out</b>: fit on the other GPUs' data and transfer (mean parameters on the held-out GPU's
 *       datasheet figures), giving the wider factors for a GPU without data.</li>
 * </ul>
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * The outcome of one held-out scheme.
     *
     * @param predictions every configuration, predicted by a fit that did not see its group
     * @param factors     conformal factors from all held-out residuals (what ships)
     */
    public record Result(List<HeldOutPrediction> predictions, IntervalFactors factors) {

        /** @return mean absolute percentage error over the predictions selected, in percent */
        public double mape(Predicate<HeldOutPrediction> which) {
            return 100 * predictions.stream().filter(which).mapToDouble(HeldOutPrediction::absolutePercentageError).average().orElse(Double.NaN);
        }

        /** @return the fraction of selected measurements inside their held-out intervals, in percent */
        public double coverage(Predicate<HeldOutPrediction> which) {
            return 100 * predictions.stream().filter(which).mapToDouble(h -> h.covered() ? 1 : 0).average().orElse(Double.NaN);
        }

        /** @return MAPE per key (GPU, architecture kind, group, ...), in percent */
        public Map<String, Double> mapeBy(Function<HeldOutPrediction, String> key) {
            Map<String, List<HeldOutPrediction>> g = new TreeMap<>();
            for (HeldOutPrediction h : predictions) g.computeIfAbsent(key.apply(h), x -> new ArrayList<>()).add(h);
            Map<String, Double> out = new LinkedHashMap<>();
            g.forEach((k, v) -> out.put(k, 100 * v.stream().mapToDouble(HeldOutPrediction::absolutePercentageError).average().orElse(Double.NaN)));
            return out;
        }
    }

    /** Fits parameters on a training set and predicts J per output token from them: the seam the checks run through. */
    public interface Learner {
        /** @return parameters fitted on {@code train} only */
        CalibrationParameters fit(List<CalibrationPoint> train);

        /** @return predicted J per output token of {@code p} */
        double predict(CalibrationPoint p, CalibrationParameters params);

        /** @return the calibrator as a learner */
        static Learner of(Calibrator c) {
            return new Learner() {
                @Override public CalibrationParameters fit(List<CalibrationPoint> train) { return c.fit(train); }
                @Override public double predict(CalibrationPoint p, CalibrationParameters params) {
                    return c.predict(p, params).joulesPerOutputToken();
                }
            };
        }
    }

    /** @return leave-one-model-out (by architecture group) predictions and factors */
    public static Result leaveOneModelOut(Calibrator calibrator, List<CalibrationPoint> points, double level) {
        return leaveOut(Learner.of(calibrator), points, level, CalibrationPoint::group);
    }

    /** @return leave-one-GPU-out predictions (datasheet transfer) and factors */
    public static Result leaveOneGpuOut(Calibrator calibrator, List<CalibrationPoint> points, double level) {
        return leaveOut(Learner.of(calibrator), points, level, CalibrationPoint::gpu);
    }

    /**
     * @param learner fits and predicts
     * @param points  every configuration
     * @param level   interval coverage
     * @param key     the grouping: each group is predicted by a fit on the others
     * @return held-out predictions and factors
     */
    public static Result leaveOut(Learner learner, List<CalibrationPoint> points, double level,
                                  Function<CalibrationPoint, String> key) {
        TreeSet<String> groups = new TreeSet<>();
        for (CalibrationPoint p : points) groups.add(key.apply(p));
        if (groups.size() < 2) throw new IllegalArgumentException("held-out checks need at least two groups, got " + groups);
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();   // group -> {predicted} per point, in order
        Map<String, List<CalibrationPoint>> members = new LinkedHashMap<>();
        for (String g : groups) {
            List<CalibrationPoint> train = points.stream().filter(p -> !key.apply(p).equals(g)).toList();
            List<CalibrationPoint> test = points.stream().filter(p -> key.apply(p).equals(g)).toList();
            CalibrationParameters fitted = learner.fit(train);
            List<double[]> preds = new ArrayList<>();
            for (CalibrationPoint p : test) preds.add(new double[] {learner.predict(p, fitted)});
            byGroup.put(g, preds);
            members.put(g, test);
        }
        // Coverage without leakage: a group's intervals come from the other groups' residuals.
        List<HeldOutPrediction> out = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (String g : groups) {
            List<CalibrationPoint> m = members.get(g);
            for (int i = 0; i < m.size(); i++) all.add(Math.log(m.get(i).measured().joulesPerOutputToken() / byGroup.get(g).get(i)[0]));
        }
        for (String g : groups) {
            List<Double> others = new ArrayList<>();
            for (String h : groups) {
                if (h.equals(g)) continue;
                List<CalibrationPoint> m = members.get(h);
                for (int i = 0; i < m.size(); i++) others.add(Math.log(m.get(i).measured().joulesPerOutputToken() / byGroup.get(h).get(i)[0]));
            }
            IntervalFactors f = IntervalFactors.fromResiduals(others.stream().mapToDouble(Double::doubleValue).toArray(), level);
            List<CalibrationPoint> m = members.get(g);
            for (int i = 0; i < m.size(); i++) {
                double p = byGroup.get(g).get(i)[0];
                Interval iv = f.around(p);
                out.add(new HeldOutPrediction(m.get(i), p, iv.low(), iv.high()));
            }
        }
        IntervalFactors factors = IntervalFactors.fromResiduals(all.stream().mapToDouble(Double::doubleValue).toArray(), level);
        return new Result(out, factors);
    }
}
