package org.llmenergy.estimate.calibrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Interval;

/** The fit, on data the model generates itself, and the held-out machinery. */
class CalibratorTest {
    static final Map<String, GpuFacts> GPUS = Map.of(
            "A", new GpuFacts("A", 1e15, 2e15, 3.3e12, 80e9, 450e9, 700),
            "B", new GpuFacts("B", 2.2e15, 4.4e15, 7.7e12, 180e9, 900e9, 1000));
    static final CalibrationParameters TRUTH = new CalibrationParameters(
            Map.of("A", new GpuParameters(0.6, 0.8, 0.0015, 0.3, 0.9, 0.3), "B", new GpuParameters(0.7, 0.7, 0.003, 0.35, 0.8, 0.5)),
            new SharedParameters(30e-6, 10e-6, 0.8, 2.0, 2.5, 0.4, 1.2, 40e-6, 1.5, 1.8),
            Map.of("chat", 200.0));

    /** Configurations like ML.ENERGY's, measured by the model itself with the true parameters. */
    static List<CalibrationPoint> synthetic(Calibrator c) {
        List<CalibrationPoint> out = new ArrayList<>();
        String[][] models = {{"llama-3.1-8b", "meta-llama/Llama-3.1-8B-Instruct"}, {"qwen3-14b", "Qwen/Qwen3-14B"},
                {"llama-3.1-70b", "meta-llama/Llama-3.1-70B-Instruct"}, {"qwen3-30b-a3b", "Qwen/Qwen3-30B-A3B-Instruct-2507"}};
        for (String[] m : models) {
            StepShape shape = StepShape.of(Presets.forModelId(m[1]).orElseThrow());
            for (String gpu : List.of("A", "B")) {
                int g = m[0].contains("70b") ? (gpu.equals("A") ? 4 : 2) : 1;
                for (int mns : new int[] {8, 32, 128, 512}) {
                    CalibrationPoint blank = new CalibrationPoint(m[0] + "/" + gpu + "/" + mns, m[1], m[0], "chat", "test", shape, gpu, g,
                            shape.isMoe() && g > 1, 2.0, false, mns, 400, 400 * 400 * 1.6,
                            new CalibrationPoint.Measured(1, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
                    SteadyState s = c.predict(blank, TRUTH);
                    out.add(new CalibrationPoint(blank.source(), m[1], m[0], "chat", "test", shape, gpu, g, blank.expertParallel(), 2.0,
                            false, mns, 400, 400 * 400 * 1.6, new CalibrationPoint.Measured(s.joulesPerOutputToken(),
                            OptionalDouble.of(s.batch()), OptionalDouble.of(s.step().seconds()),
                            OptionalDouble.of(s.step().wattsPerGpu() * s.step().gpus()), OptionalDouble.empty())));
                }
            }
        }
        return out;
    }

    @Test
    void recoversItsOwnPredictionsAndTheIdentifiedParameters() {
        Calibrator c = new Calibrator(GPUS::get);
        List<CalibrationPoint> data = synthetic(c);
        CalibrationParameters fitted = c.fit(data);
        List<Double> logRatios = c.logRatios(data, fitted);
        // Several parameters trade off on 32 configurations (one task, two GPUs), so the fit lands in a valley
        // near the truth rather than on it: within 1 % on average and 3.5 % at worst.
        assertEquals(0, logRatios.stream().mapToDouble(Math::abs).average().orElseThrow(), 0.01);
        for (double r : logRatios) assertEquals(0, r, 0.035, "every configuration reproduced within 3.5 %");
        // Parameters that the data pin down: the idle floor and the per-step overhead of each GPU.
        assertEquals(0.3, fitted.gpus().get("A").idleFraction(), 0.05);
        assertEquals(0.0015, fitted.gpus().get("A").stepOverheadSeconds(), 0.0005);
        assertEquals(0.003, fitted.gpus().get("B").stepOverheadSeconds(), 0.001);
    }

    @Test
    void leaveOneModelOutNeverTrainsOnTheHeldOutModel() {
        Calibrator c = new Calibrator(GPUS::get);
        List<CalibrationPoint> data = synthetic(c);
        List<Set<String>> trainedGroups = new ArrayList<>();
        CrossValidation.Learner spy = new CrossValidation.Learner() {
            @Override public CalibrationParameters fit(List<CalibrationPoint> train) {
                Set<String> groups = new HashSet<>();
                for (CalibrationPoint p : train) groups.add(p.group());
                trainedGroups.add(groups);
                return TRUTH;
            }
            @Override public double predict(CalibrationPoint p, CalibrationParameters params) {
                return c.predict(p, params).joulesPerOutputToken();
            }
        };
        CrossValidation.Result r = CrossValidation.leaveOut(spy, data, Interval.LEVEL, CalibrationPoint::group);
        assertEquals(4, trainedGroups.size(), "one fit per model");
        for (HeldOutPrediction h : r.predictions()) {
            long fitsWithout = trainedGroups.stream().filter(g -> !g.contains(h.point().group())).count();
            assertEquals(1, fitsWithout, "exactly one fit excluded " + h.point().group());
        }
        for (Set<String> g : trainedGroups) assertEquals(3, g.size(), "each fit sees the three other models");
        assertEquals(data.size(), r.predictions().size());
        assertEquals(0, r.mape(h -> true), 1e-9, "true parameters predict the synthetic data exactly");
    }

    @Test
    void conformalFactorsUseFiniteSampleRanks() {
        double[] r = new double[19];
        for (int i = 0; i < r.length; i++) r[i] = (i - 9) * 0.1;
        IntervalFactors f = IntervalFactors.fromResiduals(r, 0.9);
        // n = 19: upper rank ceil(20 x 0.95) = 19 -> the largest; lower rank floor(20 x 0.05) = 1 -> the smallest
        assertEquals(0.9, f.highLogRatio(), 1e-12);
        assertEquals(-0.9, f.lowLogRatio(), 1e-12);
        Interval iv = f.around(2.0);
        assertEquals(2.0 * Math.exp(-0.9), iv.low(), 1e-12);
        assertEquals(2.0 * Math.exp(0.9), iv.high(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> IntervalFactors.fromResiduals(new double[] {0.1}, 0.9));
    }

    @Test
    void tooFewConfigurationsForTheParametersAreRefused() {
        Calibrator c = new Calibrator(GPUS::get);
        List<CalibrationPoint> few = synthetic(c).subList(0, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.fit(few));
        assertTrue(e.getMessage().contains("at least"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
