package org.llmenergy.report;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.llmenergy.energy.Measurement;
import org.llmenergy.energy.PowerSeries;

/**
 * The power time series of a measured window, one line per channel and quantity, with the spans of windows
 * measured inside it drawn as labelled bars above the lines. The y axis says when the power is an estimate.
 */
public final class PowerSeriesChart {
    private PowerSeriesChart() {}

    /**
     * @param window  a measurement taken with {@code keepSeries}; its series are drawn
     * @param inner   windows inside it whose spans to mark (may be empty)
     * @param width   image width in pixels
     * @param height  image height in pixels
     * @return the chart as an image
     * @throws IllegalArgumentException when the window has no power series (it was not measured with keepSeries)
     */
    public static BufferedImage of(Measurement window, List<Measurement> inner, int width, int height) {
        return BitmapEncoder.getBufferedImage(chart(window, inner, width, height));
    }

    /** @return the XChart chart, for callers that style or save it themselves */
    public static XYChart chart(Measurement window, List<Measurement> inner, int width, int height) {
        if (window.series().isEmpty()) {
            throw new IllegalArgumentException("window '" + window.name() + "' has no power series: measure it with "
                    + "meter.window(name, true)");
        }
        boolean estimate = window.provenance().isEstimate();
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Power during '" + window.name() + "' (" + window.meter().label() + ")")
                .xAxisTitle("time since window start (s)")
                .yAxisTitle(estimate ? "estimated power (W)" : "power (W)").build();
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisMin(0.0); // power starts at zero; a cropped axis exaggerates swings
        double top = 0;
        for (PowerSeries s : window.series()) {
            if (s.size() == 0) continue;
            XYSeries line = chart.addSeries(s.channel() + " " + s.quantity(), s.timeS(), s.watts());
            line.setMarker(SeriesMarkers.NONE);
            for (double w : s.watts()) top = Math.max(top, w);
        }
        int k = 0;
        for (Measurement m : inner) {
            double from = m.startEpochS() - window.startEpochS();
            double to = m.endEpochS() - window.startEpochS();
            double y = top * (1.05 + 0.04 * (k++ % 4));
            XYSeries bar = chart.addSeries(String.format(Locale.ROOT, "window %s (%.2f s)", m.name(), m.durationS()),
                    new double[] {from, to}, new double[] {y, y});
            bar.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
