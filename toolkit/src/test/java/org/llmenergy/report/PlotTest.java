package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotTest {
    @Test
    void logAxesDrawLogsAndReadBackInDataUnits() {
        Plot p = Plot.xy("t", Axis.log2("tokens"), Axis.log10("kWh"))
                .add(new Series("a", new double[] {512, 1, 64}, new double[] {0.5, 0.003, 2e-5}, Labels.PAPER_DIGITIZED_SOURCE));
        // drawn in ascending x, as logs
        assertArrayEquals(new double[] {0, 6, 9}, p.chart().getSeries("a").getXData(), 1e-12);
        assertArrayEquals(new double[] {Math.log10(0.003), Math.log10(2e-5), Math.log10(0.5)}, p.chart().getSeries("a").getYData(), 1e-12);
        assertArrayEquals(new double[] {1, 64, 512}, p.plottedX("a"), 1e-9);
        assertArrayEquals(new double[] {0.003, 2e-5, 0.5}, p.plottedY("a"), 1e-15);
        Figure f = p.figure("t1", "c", "s");
        assertEquals(Plot.WIDTH, f.image().getWidth());
        assertEquals(Plot.HEIGHT, f.image().getHeight());
    }

    @Test
    void pointsAreDrawnUnconnectedAndModelPointsKeepAMarker() {
        Plot p = Plot.xy("t", Axis.log10("measured"), Axis.log10("predicted"))
                .addPoints(new Series("pred", new double[] {0.2, 0.1}, new double[] {0.25, 0.09}, Labels.MODEL_SOURCE))
                .add(new Series("y = x", new double[] {0.1, 0.2}, new double[] {0.1, 0.2}, Labels.MODEL_SOURCE));
        var chart = p.chart();
        // XChart 4 hands the render style back wrapped in an Optional
        assertEquals("Optional[Scatter]", String.valueOf(chart.getSeries("pred").getXYSeriesRenderStyle()));
        assertNotEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, chart.getSeries("pred").getMarker());
        assertNotEquals("Optional[Scatter]", String.valueOf(chart.getSeries("y = x").getXYSeriesRenderStyle()));
        assertArrayEquals(new double[] {0.09, 0.25}, p.plottedY("pred"), 1e-12, "read back in ascending x, data units");
    }

    @Test
    void logAxisRejectsValuesItCannotShowNamingTheSeriesAndPoint() {
        Plot p = Plot.xy("t", Axis.log2("tokens"), Axis.log10("kWh"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> p.add(new Series("ours", new double[] {1, 2}, new double[] {1e-3, -4e-4}, "cpu-time-estimate")));
        assertTrue(e.getMessage().contains("'ours' point 1 has y = -4.0E-4"), e.getMessage());
        var linear = Plot.xy("t", Axis.linear("x"), Axis.linear("%"));
        linear.add(new Series("neg", new double[] {0, 1}, new double[] {-13.1, 2.6}, Labels.PAPER_DIGITIZED_SOURCE));
        assertArrayEquals(new double[] {-13.1, 2.6}, linear.plottedY("neg"), 0);
    }

    @Test
    void tickLabelsShowValuesAtWholePowersOnly() {
        assertEquals("8", Plot.tick(3, Scale.LOG2));
        assertEquals("", Plot.tick(2.5, Scale.LOG2));
        assertEquals("0.00781", Plot.tick(-7, Scale.LOG2));
        assertEquals("0.001", Plot.tick(-3, Scale.LOG10));
        assertEquals("1e-5", Plot.tick(-5, Scale.LOG10));
        assertEquals("32768", Plot.tick(15, Scale.LOG2));
        assertEquals("0.5", Plot.number(0.5));
    }

    @Test
    void seriesOfOneGroupShareAColourAndFixedOrderHoldsAcrossPanels() {
        Plot p = Plot.xy("t", Axis.log2("b"), Axis.log2("kWh")).colourOrder("BS1", "BS8")
                .add(new Series("BS8 · paper", "BS8", new double[] {1, 2}, new double[] {1, 2}, Labels.PAPER_DIGITIZED_SOURCE))
                .add(new Series("BS8 · ours", "BS8", new double[] {1, 2}, new double[] {3, 4}, "rapl"));
        Plot q = Plot.xy("u", Axis.log2("b"), Axis.log2("kWh")).colourOrder("BS1", "BS8")
                .add(new Series("BS8 · paper", "BS8", new double[] {1, 2}, new double[] {1, 2}, Labels.PAPER_DIGITIZED_SOURCE));
        var paper = p.chart().getSeries("BS8 · paper");
        var ours = p.chart().getSeries("BS8 · ours");
        assertEquals(paper.getLineColor(), ours.getLineColor());
        assertEquals(paper.getLineColor(), q.chart().getSeries("BS8 · paper").getLineColor());
        assertNotEquals(paper.getLineStyle(), ours.getLineStyle(), "paper dashed, ours solid");
    }

    @Test
    void categoryPlotsDrawEachValueAtItsCategory() {
        Plot p = Plot.categories("t", "task", List.of("a", "b", "c"), Axis.log10("kWh"))
                .add(new CategorySeries("s", List.of("c", "a"), new double[] {0.2, 0.01}, Labels.PAPER_DIGITIZED_SOURCE));
        assertArrayEquals(new double[] {0, 2}, p.plottedX("s"), 0);
        assertArrayEquals(new double[] {0.01, 0.2}, p.plottedY("s"), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> Plot.categories("t", "task", List.of("a"), Axis.log10("kWh"))
                        .add(new CategorySeries("s", List.of("zz"), new double[] {1}, "model")));
        assertEquals(Plot.WIDTH, p.figure("cat", "c", "s").image().getWidth());
    }

    @Test
    void duplicateNamesAndChangesAfterDrawingAreRefused() {
        Plot p = Plot.xy("t", Axis.linear("x"), Axis.linear("y")).add(new Series("a", new double[] {1}, new double[] {1}, "model"));
        assertThrows(IllegalArgumentException.class, () -> p.add(new Series("a", new double[] {2}, new double[] {2}, "model")));
        p.chart();
        assertThrows(IllegalStateException.class, () -> p.add(new Series("b", new double[] {2}, new double[] {2}, "model")));
    }

    @Test
    void labelsSayWhatIsMeasuredEstimatedOrDigitised() {
        assertEquals("ours (cpu-time-estimate)", Labels.ours("cpu-time-estimate"));
        assertEquals("ours (model, estimate)", Labels.ours("model"));
        assertEquals("ours (nvml-counter)", Labels.ours("nvml-counter"));
        String s = Labels.source("Fig. 3", List.of(Labels.PAPER_DIGITIZED_SOURCE, "nvml-counter", "cpu-time-estimate"));
        assertTrue(s.contains("Fernandez et al., ACL 2025, Fig. 3"), s);
        assertTrue(s.contains("paper-digitized (approximate"), s);
        assertTrue(s.contains("nvml-counter (measured)"), s);
        assertTrue(s.contains("cpu-time-estimate (estimate)"), s);
        assertTrue(Labels.source("Fig. 5", List.of(Labels.PAPER_DIGITIZED_SOURCE)).endsWith(Labels.PAPER_ONLY));
    }
}
