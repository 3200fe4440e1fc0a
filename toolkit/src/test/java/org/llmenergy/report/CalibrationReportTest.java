package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.calibrated.Baselines;
import org.llmenergy.estimate.calibrated.Calibration;
import org.llmenergy.estimate.calibrated.CalibrationPoint;
import org.llmenergy.estimate.calibrated.CalibrationRun;
import org.llmenergy.estimate.calibrated.CrossValidation;
import org.llmenergy.estimate.calibrated.GpuFacts;
import org.llmenergy.estimate.calibrated.HeldOutPrediction;
import org.llmenergy.estimate.calibrated.IntervalFactors;
import org.llmenergy.estimate.calibrated.StepShape;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Presets;

class CalibrationReportTest {
    private static final String H100 = "H100-SXM5-80GB";

    private static CalibrationPoint point(String group, String gpu, int maxNumSeqs, double measured) {
        StepShape shape = StepShape.of(Presets.get(group));
        return new CalibrationPoint(group + "/" + gpu + "/" + maxNumSeqs, group, group, "lm-arena-chat", "test", shape, gpu, 1, false,
                2.0, false, maxNumSeqs, 400, 400 * 400 * 1.6,
                new CalibrationPoint.Measured(measured, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    }

    /** Predictions x[0.8, 1.25] around the value: measured inside when predicted/measured lies in [0.8, 1.25]. */
    private static HeldOutPrediction held(CalibrationPoint p, double predicted) {
        return new HeldOutPrediction(p, predicted, predicted * 0.8, predicted * 1.25);
    }

    /** Four held-out predictions: three inside their interval, one (qwen3-14b on B200, predicted x2) outside. */
    private static List<HeldOutPrediction> predictions() {
        List<HeldOutPrediction> h = new ArrayList<>();
        h.add(held(point("llama-3.1-8b", H100, 64, 0.10), 0.11));
        h.add(held(point("llama-3.1-8b", "B200", 64, 0.05), 0.045));
        h.add(held(point("qwen3-14b", H100, 128, 0.20), 0.19));
        h.add(held(point("qwen3-14b", "B200", 128, 0.10), 0.20));
        return h;
    }

    @Test
    void theScatterPutsMeasuredOnXPredictedOnYPerGpuWithTheBand() {
        Panel p = CalibrationFigures.predictedVsMeasured(predictions(), "test data");
        Plot plot = p.plot();
        assertArrayEquals(new double[] {0.05, 0.10}, plot.plottedX("B200 · held-out prediction (2)"), 1e-12);
        assertArrayEquals(new double[] {0.045, 0.20}, plot.plottedY("B200 · held-out prediction (2)"), 1e-12);
        assertArrayEquals(new double[] {0.11, 0.19}, plot.plottedY(H100 + " · held-out prediction (2)"), 1e-12);
        double[] x = plot.plottedX("90 % band, measured up to x1.25");
        double[] lower = plot.plottedY("90 % band, measured up to x1.25");
        assertEquals(x[0] / 1.25, lower[0], 1e-12, "measured up to 1.25 x predicted: predicted down to measured / 1.25");
        assertEquals(x[1] * 1.25, plot.plottedY("90 % band, measured down to x0.80")[1], 1e-9);
        assertTrue(p.caption().contains("4 configurations") && p.caption().contains("3 of them (75.0 %)"), p.caption());
        assertTrue(p.source().startsWith("x: test data"), p.source());
        assertThrows(IllegalArgumentException.class, () -> CalibrationFigures.predictedVsMeasured(List.of(), "none"));
    }

    @Test
    void theTablesScoreEachPredictorOnTheSameConfigurations() {
        List<HeldOutPrediction> h = predictions();
        CrossValidation.Result lomo = new CrossValidation.Result(h, IntervalFactors.fromResiduals(new double[] {-0.2, 0.2, 0.1}, 0.9));
        ReportTable byGroup = CalibrationTables.byGroup(lomo);
        var t = byGroup.table();
        assertEquals("all", t.stringColumn("value").get(0));
        assertEquals(4, t.intColumn("configurations").get(0));
        // APEs 10 %, 10 %, 5 %, 100 %
        assertEquals(31.25, t.doubleColumn("MAPE %").get(0), 1e-9);
        assertEquals(75.0, t.doubleColumn("90 % coverage %").get(0), 1e-9);
        int b200 = t.stringColumn("value").indexOf("B200");
        assertEquals(55.0, t.doubleColumn("MAPE %").get(b200), 1e-9);

        Calibration bundled = Calibration.bundled();
        CalibrationRun.Outcome run = new CalibrationRun.Outcome(bundled, new CalibrationRun.GenerationOutcome(bundled.newest(),
                h.stream().map(HeldOutPrediction::point).toList(), List.of(), lomo, lomo, lomo, Map.of()), Map.of());
        Baselines baselines = new Baselines(n -> GpuFacts.of(GpuCatalog.builtIn().get(n)), Figure2Fit.fit(PaperNumbers.load()));
        var three = CalibrationTables.threeWay(run, baselines, "test data").table();
        assertEquals(List.of(Baselines.CALIBRATED, Baselines.FLOPS_TIMES_TDP, Baselines.PAPER_FIT), three.stringColumn(0).asList());
        assertEquals(31.25, three.doubleColumn("MAPE % all (n=4)").get(0), 1e-9);
        assertEquals(55.0, three.doubleColumn("MAPE % B200 (n=2)").get(0), 1e-9);
        assertEquals(7.5, three.doubleColumn("MAPE % " + H100 + " (n=2)").get(0), 1e-9);
        double flopsAll = baselines.comparison(run, x -> true).get(Baselines.FLOPS_TIMES_TDP);
        assertEquals(Math.round(flopsAll * 100) / 100.0, three.doubleColumn("MAPE % all (n=4)").get(1), 1e-9);
        assertEquals(75.0, three.doubleColumn("90 % coverage % (all)").get(0), 1e-9);
        assertTrue(three.doubleColumn("90 % coverage % (all)").isMissing(1), "a baseline has no interval, so no coverage");
    }
}
