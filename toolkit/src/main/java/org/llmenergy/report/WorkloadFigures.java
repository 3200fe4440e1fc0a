package org.llmenergy.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.llmenergy.workload.BinnedWorkload;
import org.llmenergy.workload.CdfPoint;
import org.llmenergy.workload.ExpectedLengthStats;
import org.llmenergy.workload.LengthStats;
import org.llmenergy.workload.PaperTables;
import org.llmenergy.workload.PublishedLengthStats;
import org.llmenergy.workload.TraceProfile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The workload part of the paper (Section 4.3): Tables 1–2 recomputed from traces beside the published rows,
 * a heat map of each trace's bins, and Figure 7 (real vs binned CDF). Notebooks and the report call these same
 * functions.
 */
public final class WorkloadFigures {
    private WorkloadFigures() {}

    /** Which token lengths a table or figure is about. */
    public enum Lengths {
        INPUT("input", TraceProfile::inputStats, ExpectedLengthStats::input),
        OUTPUT("output", TraceProfile::outputStats, ExpectedLengthStats::output);

        private final String label;
        private final Function<TraceProfile, LengthStats> ours;
        private final Function<ExpectedLengthStats, PublishedLengthStats> paper;

        Lengths(String label, Function<TraceProfile, LengthStats> ours,
                Function<ExpectedLengthStats, PublishedLengthStats> paper) {
            this.label = label;
            this.ours = ours;
            this.paper = paper;
        }
    }

    /**
     * Table 1 (input) or Table 2 (output): for each trace, our exact statistics, followed by the paper's rows.
     *
     * @param lengths  input (Table 1) or output (Table 2)
     * @param profiles traces read with {@link TraceProfile#of(String)}
     * @return columns dataset, source, requests, mean, std (sample), median, p99, min, max (tokens); the
     *         paper's rows have no count, min or max
     */
    public static Table lengthTable(Lengths lengths, List<TraceProfile> profiles) {
        Table t = Table.create((lengths == Lengths.INPUT ? "Table 1: input" : "Table 2: output") + " lengths (tokens)",
                StringColumn.create("dataset"), StringColumn.create("source"), LongColumn.create("requests"),
                DoubleColumn.create("mean"), DoubleColumn.create("std"), DoubleColumn.create("median"),
                DoubleColumn.create("p99"), DoubleColumn.create("min"), DoubleColumn.create("max"));
        for (TraceProfile p : profiles) {
            LengthStats s = lengths.ours.apply(p);
            t.stringColumn("dataset").append(p.source());
            t.stringColumn("source").append("ours (exact, " + p.format().label() + ")");
            t.longColumn("requests").append(s.count());
            t.doubleColumn("mean").append(round2(s.mean()));
            t.doubleColumn("std").append(round2(s.std()));
            t.doubleColumn("median").append(round2(s.median()));
            t.doubleColumn("p99").append(round2(s.p99()));
            t.doubleColumn("min").append(s.min());
            t.doubleColumn("max").append(s.max());
        }
        for (ExpectedLengthStats row : PaperTables.all()) {
            PublishedLengthStats s = lengths.paper.apply(row);
            t.stringColumn("dataset").append(row.name());
            t.stringColumn("source").append("paper-published");
            t.longColumn("requests").appendMissing();
            t.doubleColumn("mean").append(s.mean());
            t.doubleColumn("std").append(s.std());
            t.doubleColumn("median").append(s.median());
            t.doubleColumn("p99").append(s.p99());
            t.doubleColumn("min").appendMissing();
            t.doubleColumn("max").appendMissing();
        }
        return t;
    }

    /** A heat map of the trace's requests per (input, output) bin, with the excluded count in the caption. */
    public static Figure binHeatMap(TraceProfile p) {
        BinnedWorkload b = p.binned();
        var chart = BinHeatMap.chart("Requests per bin: " + p.source(), b.counts(),
                b.binning().inputEdges().stream().mapToInt(Integer::intValue).toArray(),
                b.binning().outputEdges().stream().mapToInt(Integer::intValue).toArray());
        String caption = String.format(Locale.ROOT,
                "%,d requests in %d non-empty bins (%s bins, ceiling mapping); %,d excluded by the %s overflow "
                        + "policy (input only %,d, output only %,d, both %,d).",
                b.total(), b.counts().size(), b.binning().name(), b.excluded(), b.binning().overflow().label(),
                b.overflow().inputOnly(), b.overflow().outputOnly(), b.overflow().both());
        return Figure.of("bins-" + fileSafe(p.source()), chart, caption, "ours: " + p.source() + " (" + p.path().getFileName() + ")");
    }

    /**
     * Figure 7: the real CDF of token lengths against the binned approximation.
     *
     * @param p       a trace profile (the paper draws Azure Conversation with its Figure-7 bins)
     * @param lengths input (left panel) or output (right panel)
     */
    public static Figure figure7(TraceProfile p, Lengths lengths) {
        boolean in = lengths == Lengths.INPUT;
        List<CdfPoint> real = in ? p.inputCdf() : p.outputCdf();
        List<CdfPoint> binned = in ? p.binned().inputCdf() : p.binned().outputCdf();
        XYChart chart = new XYChartBuilder().width(800).height(480)
                .title("Figure 7 (" + lengths.label + "): real vs binned CDF, " + p.source())
                .xAxisTitle(lengths.label + " length (tokens, log scale)").yAxisTitle("CDF").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        double[][] r = steps(real, 0);
        chart.addSeries("real (every request)", r[0], r[1]).setMarker(SeriesMarkers.NONE);
        double[][] b = steps(binned, firstPositive(real));
        chart.addSeries("binned (" + p.binned().binning().name() + " bins; overflow excluded)", b[0], b[1])
                .setMarker(SeriesMarkers.CIRCLE);
        String caption = "Empirical CDF of every request's " + lengths.label + " length (exact, from a counting "
                + "histogram) against the CDF after mapping each request to its ceiling bin; the binned CDF "
                + "renormalises over the requests kept, as the paper's reaches 1.0 at the last bin.";
        return Figure.of("fig7-" + lengths.label + "-" + fileSafe(p.source()), chart, caption,
                "ours: " + p.source() + "; the paper's panel is Azure Conversation (Fernandez et al., ACL 2025, Fig. 7)");
    }

    /** A step function through the CDF points, starting at {@code x0} with 0 (log axes need x > 0). */
    private static double[][] steps(List<CdfPoint> points, double x0) {
        int n = points.size();
        double[] x = new double[2 * n + 1];
        double[] y = new double[2 * n + 1];
        x[0] = Math.max(1, x0 > 0 ? x0 : points.get(0).tokens());
        y[0] = 0;
        double prev = 0;
        for (int i = 0; i < n; i++) {
            CdfPoint c = points.get(i);
            double xi = Math.max(1, c.tokens());
            x[2 * i + 1] = xi;
            y[2 * i + 1] = prev;
            x[2 * i + 2] = xi;
            y[2 * i + 2] = c.fraction();
            prev = c.fraction();
        }
        return new double[][] {x, y};
    }

    private static double firstPositive(List<CdfPoint> points) {
        for (CdfPoint c : points) if (c.tokens() > 0) return c.tokens();
        return 1;
    }

    private static double round2(double v) { return Math.round(v * 100.0) / 100.0; }

    static String fileSafe(String s) {
        String name = s.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

}
