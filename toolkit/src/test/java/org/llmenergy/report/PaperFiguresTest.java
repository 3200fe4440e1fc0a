package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;

class PaperFiguresTest {
    private static final PaperNumbers PAPER = PaperNumbers.load();

    /** Our cells: two batch sizes, three prompt lengths, two output lengths, greedy and speculative decoding. */
    static List<SweepPoint> sweep(boolean speculativeToo) {
        List<SweepPoint> out = new ArrayList<>();
        for (String d : speculativeToo ? List.of("greedy", "speculative(draftModel=d,lookahead=4)") : List.of("greedy")) {
            for (int b : new int[] {1, 8}) {
                for (int i : new int[] {16, 64, 256}) {
                    for (int o : new int[] {8, 64}) {
                        double pre = 1e-4 * i / b + 2e-5;
                        double dec = 3e-4 * o / b * (d.equals("greedy") ? 1 : 0.7 + 0.1 * b);
                        out.add(new SweepPoint("tiny cpu fp32 (djl)", d, b, i, o, OptionalDouble.of(pre), OptionalDouble.of(dec),
                                OptionalDouble.of(pre + dec), OptionalDouble.of(0.01 * o), 2, "cpu-time-estimate", List.of()));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyPanelRendersAtTheStandardSizeWithUniqueIdsBothWithAndWithoutOurs() {
        OurData ours = OurData.none().withControlledSweep(sweep(false)).withBaselineSweep(sweep(false)).withDecodingSweep(sweep(true));
        for (OurData data : List.of(OurData.none(), ours)) {
            Set<String> ids = new HashSet<>();
            for (ReportSection s : PaperSections.all(data)) {
                for (Panel p : s.panels()) {
                    assertTrue(ids.add(p.id()), "duplicate id " + p.id());
                    Figure f = p.figure();
                    assertEquals(Plot.WIDTH, f.image().getWidth(), p.id());
                    assertEquals(Plot.HEIGHT, f.image().getHeight(), p.id());
                    assertFalse(p.caption().isBlank(), p.id());
                    assertTrue(p.source().contains("Fernandez et al., ACL 2025"), p.id() + ": " + p.source());
                }
            }
            for (int fig = 1; fig <= 12; fig++) {
                String prefix = String.format("fig%02d", fig);
                assertTrue(ids.stream().anyMatch(i -> i.startsWith(prefix)), "no panel for Figure " + fig + " in " + ids);
            }
        }
    }

    @Test
    void paperSeriesArePlottedWithThePaperNumbersValues() {
        assertPaperPlotted(PAPER.figure(2), ControlledSweepFigures.figure2(List.of()));
        assertPaperPlotted(PAPER.figure(3), List.of(DecodingStrategyFigure.panel(List.of())));
        assertPaperPlotted(PAPER.figure(4), List.of(MoeFigure.panel(List.of())));
        assertPaperPlotted(PAPER.figure(5), FrameworkFigures.panels());
        assertPaperPlotted(PAPER.figure(6), TensorParallelFigures.panels());
        assertPaperPlotted(PAPER.figure(7), LengthCdfFigures.panels(null));
        assertPaperPlotted(PAPER.figure(9), List.of(OnlineOfflineFigure.panel()));
    }

    @Test
    void categoryFiguresPlotThePaperValuesAtTheirCategories() {
        for (Panel p : List.of(TraceEnergyFigure.panel(List.of()), ClassicalTaskFigures.figure8(), ClassicalTaskFigures.figure12())) {
            int number = Integer.parseInt(p.id().substring(3, 5));
            PaperFigure f = PAPER.figure(number);
            for (PaperSeries s : f.series()) {
                String name = p.plot().plottedNames().stream().filter(n -> n.startsWith(number == 12 ? s.panel() + " " + s.name() : s.name() + " ·"))
                        .findFirst().orElseThrow(() -> new AssertionError(p.id() + " lacks " + s.name()));
                assertTrue(name.endsWith(Labels.PAPER_DIGITIZED), name);
                double[] x = p.plot().plottedX(name);
                double[] y = p.plot().plottedY(name);
                assertEquals(s.points().size(), y.length);
                for (int i = 0; i < y.length; i++) {
                    PaperPoint pt = s.points().get(i);
                    assertEquals(pt.y(), y[i], pt.y() * 1e-12, name + " at " + pt.xLabel());
                    assertEquals(categoryIndex(f, pt.xLabel()), (int) x[i], name + " at " + pt.xLabel());
                }
            }
        }
    }

    @Test
    void withoutOursEveryFigureSaysPaperOnly() {
        List<Panel> panels = new ArrayList<>();
        for (ReportSection s : PaperSections.all(OurData.none())) panels.addAll(s.panels());
        for (Panel p : panels) {
            boolean saysSo = p.title().contains("(paper only)") || p.title().contains("(no data)");
            assertTrue(saysSo, p.id() + ": " + p.title());
            assertTrue(p.source().contains(Labels.PAPER_ONLY) || p.source().contains("no measurements of ours"), p.id() + ": " + p.source());
            assertFalse(p.plot().plottedNames().stream().anyMatch(n -> n.contains("ours (")), p.id());
        }
        Panel fig10 = ControlledSweepFigures.figure10(List.of()).get(0);
        assertTrue(fig10.plot().isEmpty());
        assertTrue(fig10.caption().contains(Labels.NO_PAPER_VALUES), fig10.caption());
    }

    @Test
    void figure2OverlaysOursOnThePaperAndTheFit() {
        List<SweepPoint> ours = sweep(false);
        List<Panel> panels = ControlledSweepFigures.figure2(ours);
        for (Panel p : panels) {
            assertTrue(p.title().endsWith("(paper vs ours)"), p.title());
            List<String> names = p.plot().plottedNames();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(Labels.PAPER_DIGITIZED)), p.id() + " " + names);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("ours (cpu-time-estimate)")), p.id() + " " + names);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("model: Figure 2 fit")), p.id() + " " + names);
            assertTrue(p.source().contains("paper-digitized") && p.source().contains("cpu-time-estimate (estimate)")
                    && p.source().contains("model"), p.source());
        }
        Plot prefill = panels.get(0).plot();
        assertArrayEquals(new double[] {16, 64, 256}, prefill.plottedX("BS8 · ours (cpu-time-estimate)"), 1e-9);
        // outputs 8 and 64 share the prefill value, so their mean is it
        assertArrayEquals(new double[] {1e-4 * 16 / 8 + 2e-5, 1e-4 * 64 / 8 + 2e-5, 1e-4 * 256 / 8 + 2e-5},
                prefill.plottedY("BS8 · ours (cpu-time-estimate)"), 1e-15);
        // decode vs input at the paper's 64 output tokens; decode vs output at x = O - 1
        assertTrue(panels.get(1).plot().plottedNames().contains("BS1, O=64 · ours (cpu-time-estimate)"));
        // ties between prompt lengths go to the smallest
        assertArrayEquals(new double[] {7, 63}, panels.get(2).plot().plottedX("BS1, I=16 · ours (cpu-time-estimate)"), 1e-9);
        assertArrayEquals(new double[] {3e-4 * 8, 3e-4 * 64}, panels.get(2).plot().plottedY("BS1, I=16 · ours (cpu-time-estimate)"), 1e-15);
        // the fit curve is the fit's values
        Figure2Fit fit = Figure2Fit.fit(PAPER);
        double[] y = prefill.plottedY("BS64 · model: Figure 2 fit");
        assertEquals(fit.prefillJoulesPerRequest(1024, 64) / Figure2Fit.JOULES_PER_REQUEST_PER_FIGURE_UNIT, y[10], 1e-12);
        assertTrue(panels.get(1).caption().contains("short inputs (flat region)"), "unplaced readings named: " + panels.get(1).caption());
    }

    @Test
    void figures10And11DrawOursAndTheDecodeRatio() {
        List<SweepPoint> ours = sweep(false);
        List<Panel> f11 = ControlledSweepFigures.figure11(ours);
        assertEquals(4, f11.size());
        assertEquals(8.0, ControlledSweepFigures.decodeRatio(ours, 8, 64).getAsDouble(), 1e-9);
        assertTrue(f11.get(1).caption().contains("ours: 8.00x"), f11.get(1).caption());
        assertTrue(f11.get(3).plot().plottedNames().contains("BS8, I=16 · ours (cpu-time-estimate)"));
        assertArrayEquals(new double[] {0.08, 0.64}, f11.get(3).plot().plottedY("BS8, I=16 · ours (cpu-time-estimate)"), 1e-12);
        assertEquals(3, ControlledSweepFigures.figure10(ours).size());
        assertTrue(ControlledSweepFigures.decodeRatio(ours, 8, 512).isEmpty());
    }

    @Test
    void figure3OverlaysOurStrategiesAtOneShape() {
        Panel p = DecodingStrategyFigure.panel(sweep(true));
        List<String> names = p.plot().plottedNames();
        assertTrue(names.contains("greedy · ours (cpu-time-estimate)"), names.toString());
        assertTrue(names.contains("speculative(draftModel=d,lookahead=4) · ours (cpu-time-estimate)"), names.toString());
        assertTrue(names.contains("autoregressive · paper (digitised, approx.)"), names.toString());
        assertArrayEquals(new double[] {1, 8}, p.plot().plottedX("greedy · ours (cpu-time-estimate)"), 1e-9);
        assertTrue(p.caption().contains("at I=16, O=8"), p.caption());
    }

    @Test
    void decodingLegendsLeaveOutTheSamplingSeed() {
        assertEquals("top-p(topP=0.9)", SweepSeries.withoutSeed("top-p(topP=0.9,seed=1)"));
        assertEquals("speculative(draftModel=t,lookahead=4)", SweepSeries.withoutSeed("speculative(draftModel=t,lookahead=4,seed=-2)"));
        assertEquals("greedy", SweepSeries.withoutSeed("greedy"));
    }

    @Test
    void figure1PutsOurTotalsAtTheirOwnTracesBesideTheirBaselines() {
        TraceTotals t = new TraceTotals("my-trace", "tiny cpu", 2.0, 0.5, "rapl", "FLOPs of tiny x CPU 65 W", "");
        Panel p = TraceEnergyFigure.panel(List.of(t));
        assertTrue(p.title().endsWith("(paper vs ours)"));
        assertArrayEquals(new double[] {3}, p.plot().plottedX("tiny cpu · ours (rapl)"), 0);
        assertArrayEquals(new double[] {2.0}, p.plot().plottedY("tiny cpu · ours (rapl)"), 1e-12);
        assertArrayEquals(new double[] {0.5}, p.plot().plottedY("theoretical · model (estimate)"), 1e-12);
        assertTrue(p.caption().contains("Theoretical: FLOPs of tiny x CPU 65 W"), p.caption());
        assertEquals(300.0, t.percentAboveTheoretical(), 1e-9);
    }

    private static int categoryIndex(PaperFigure f, String label) {
        List<String> cats = new ArrayList<>();
        for (PaperSeries s : f.series()) for (PaperPoint p : s.points()) if (!cats.contains(p.xLabel())) cats.add(p.xLabel());
        return cats.indexOf(label);
    }

    /** Every paper series with numeric points is drawn, labelled digitised, with exactly its points. */
    private static void assertPaperPlotted(PaperFigure f, List<Panel> panels) {
        for (PaperSeries s : f.series()) {
            double[] x = s.points().stream().filter(p -> p.x().isPresent()).mapToDouble(p -> p.x().getAsDouble()).toArray();
            double[] y = s.points().stream().filter(p -> p.x().isPresent()).mapToDouble(PaperPoint::y).toArray();
            if (x.length == 0) continue;
            boolean found = false;
            for (Panel p : panels) {
                for (String name : p.plot().plottedNames()) {
                    if (!name.endsWith(Labels.PAPER_DIGITIZED)) continue;
                    if (Arrays.equals(round(p.plot().plottedX(name)), round(x)) && Arrays.equals(round(p.plot().plottedY(name)), round(y))) {
                        found = true;
                        assertTrue(name.startsWith(s.name().split(" \\(")[0]), name + " for " + s.name());
                    }
                }
            }
            assertTrue(found, "Figure " + f.number() + " series '" + s.panel() + "/" + s.name() + "' not plotted with its values");
        }
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.9g", v[i]));
        return out;
    }
}
