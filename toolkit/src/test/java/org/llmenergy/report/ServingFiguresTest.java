package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Presets;
import org.llmenergy.serving.Arrivals;
import org.llmenergy.serving.ServingSimulator;
import org.llmenergy.serving.SimulationResult;

/** The serving figures, drawn from real simulations. */
class ServingFiguresTest {

    private static SimulationResult simulate(Serving serving, Arrivals arrivals, int n) {
        CalibratedModel m = CalibratedModel.builder().setModel(Presets.get("llama-3.1-8b")).setGpu(GpuCatalog.builtIn().get("H100"))
                .optServing(serving).build();
        ServingSimulator.Run run = ServingSimulator.builder().setModel(m).build().start();
        Arrivals.Clock clock = arrivals.clock();
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < n; i++) run.submit(clock.next(Double.NaN), 100 + r.nextInt(400), 50 + r.nextInt(200));
        return run.finish();
    }

    @Test
    void energyPerTokenFallsWithLoadAndThePanelPlotsIt() {
        List<ServingFigures.LoadPoint> pts = new ArrayList<>();
        for (double rate : new double[] {0.2, 2, 20}) pts.add(new ServingFigures.LoadPoint(rate, simulate(Serving.continuous(64), new Arrivals.Poisson(rate, 1), 300)));
        Panel p = ServingFigures.energyVsLoad("llama-3.1-8b on H100", pts);
        double[] y = p.plot().series().get(0).y();
        assertTrue(y[0] > y[1] && y[1] > y[2], "idle is amortised as load grows: " + java.util.Arrays.toString(y));
        assertArrayEquals(new double[] {0.2, 2, 20}, p.plot().series().get(0).x());
    }

    @Test
    void onlineVsOfflineSitsBesideThePaperFigure9() {
        List<ServingFigures.OnlineOffline> pts = new ArrayList<>();
        for (int b : new int[] {8, 32}) {
            pts.add(new ServingFigures.OnlineOffline(b, simulate(Serving.continuous(b), new Arrivals.Poisson(50, 1), 256),
                    simulate(Serving.staticBatch(b), new Arrivals.AllAtOnce(), 256)));
        }
        Panel p = ServingFigures.onlineVsOffline("synthetic", pts);
        Series ours = p.plot().series().stream().filter(s -> !s.fromPaper()).findFirst().orElseThrow();
        assertEquals(pts.get(0).reductionPercent(), ours.y()[0], 1e-12);
        assertTrue(p.plot().series().stream().anyMatch(Series::fromPaper), "the paper's points are drawn beside ours");
        p.plot().chart();
    }

    @Test
    void powerAndFrontierPanelsCarryTheRunsNumbers() {
        SimulationResult r = simulate(Serving.continuous(16), new Arrivals.Poisson(1, 2), 100);
        Panel power = ServingFigures.powerOverTime("test", r);
        double integral = 0;
        for (var pt : r.power()) integral += pt.watts() * pt.widthSeconds();
        assertEquals(r.totalJoules(), integral, 1e-6 * r.totalJoules());
        assertEquals(r.power().size(), power.plot().series().get(0).size());
        Panel frontier = ServingFigures.latencyEnergyFrontier("test", List.of(new ServingFigures.FrontierPoint(16, r),
                new ServingFigures.FrontierPoint(64, simulate(Serving.continuous(64), new Arrivals.Poisson(1, 2), 100))));
        assertEquals(2, frontier.plot().series().get(0).size());
        assertEquals(r.e2e().p50(), frontier.plot().series().get(0).x()[0], 1e-12);
    }
}
