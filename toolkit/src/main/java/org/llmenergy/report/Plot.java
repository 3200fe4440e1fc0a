package org.llmenergy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line (or category) plot in data units, drawn with XChart: log2 and log10 axes, one colour per series group and
 * one line style per kind of source, so the paper's values, models and ours are told apart at a glance:
 * <ul>
 *   <li>the paper's values: dashed line, round markers;</li>
 *   <li>models (the Figure 2 fit, FLOPs baselines): dotted line, no markers;</li>
 *   <li>ours: solid line, diamond markers.</li>
 * </ul>
 * Log axes are drawn by plotting log2 or log10 of the values on a linear axis whose tick labels show the values
 * again (XChart only has log10 axes); {@link #plottedX} and {@link #plottedY} read the drawn data back in data
 * units. Points are drawn in ascending x order.
 */
public final class Plot {
    /** Width of every figure, pixels. */
    public static final int WIDTH = 800;
    /** Height of every figure, pixels. */
    public static final int HEIGHT = 500;

    // Okabe-Ito colours (readable with common colour-vision deficiencies), then greys
    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7),
        new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x00, 0x00), new Color(0x88, 0x88, 0x88),
        new Color(0x8B, 0x45, 0x13), new Color(0x6A, 0x3D, 0x9A)};

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> verticals = new ArrayList<>();
    private final List<String> verticalLabels = new ArrayList<>();
    private final List<Double> horizontals = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<String> colourOrder = new ArrayList<>();
    private final java.util.Set<String> steps = new java.util.HashSet<>();
    private final java.util.Set<String> points = new java.util.HashSet<>();
    private XYChart chart;

    private Plot(String title, Axis x, Axis y, List<String> categories) {
        this.title = Objects.requireNonNull(title, "title");
        this.x = x;
        this.y = y;
        this.categories = categories;
    }

    /**
     * @param title the chart title
     * @param x     the x axis
     * @param y     the y axis
     * @return an empty line plot
     */
    public static Plot xy(String title, Axis x, Axis y) { return new Plot(title, x, y, null); }

    /**
     * A plot of values per category, drawn as one marker per series above each category (bars would mislead on a log
     * axis).
     *
     * @param title      the chart title
     * @param xTitle     what the categories are
     * @param categories the categories, left to right
     * @param y          the value axis
     * @return an empty category plot
     */
    public static Plot categories(String title, String xTitle, List<String> categories, Axis y) {
        if (categories.isEmpty()) throw new IllegalArgumentException("a category plot needs at least one category");
        return new Plot(title, Axis.linear(xTitle), y, List.copyOf(categories));
    }

    /** Adds a curve. */
    public Plot add(Series s) {
        requireOpen();
        if (categories != null) throw new IllegalStateException("category plot '" + title + "' takes CategorySeries");
        for (Series o : series) {
            if (o.name().equals(s.name())) throw new IllegalArgumentException("plot '" + title + "' already has a series '" + s.name() + "'");
        }
        check(s);
        series.add(s);
        return this;
    }

    /**
     * Adds a curve drawn as a right-continuous step function (for CDFs): flat from each point to the next x, then up.
     * Steps of more than 100 points are drawn without markers.
     */
    public Plot addSteps(Series s) {
        add(s);
        steps.add(s.name());
        return this;
    }

    /**
     * Adds points drawn unconnected (a scatter), for pairs that have no order, such as predicted against measured.
     * Model points are drawn as triangles, since a model curve elsewhere has no markers.
     */
    public Plot addPoints(Series s) {
        add(s);
        points.add(s.name());
        return this;
    }

    /** Adds all the curves, in order. */
    public Plot addAll(List<Series> all) {
        for (Series s : all) add(s);
        return this;
    }

    /**
     * Adds one value per category; categories the plot does not have are an error, categories the series lacks are
     * left blank.
     */
    public Plot add(CategorySeries s) {
        requireOpen();
        if (categories == null) throw new IllegalStateException("plot '" + title + "' is not a category plot");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (String c : s.categories()) {
            int i = categories.indexOf(c);
            if (i < 0) throw new IllegalArgumentException("series '" + s.name() + "' has category '" + c + "' that plot '" + title
                    + "' does not show; it shows " + categories);
            xs.add((double) i);
            ys.add(s.value(c));
        }
        Series asLine = new Series(s.name(), s.name(), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), s.provenance());
        for (Series o : series) {
            if (o.name().equals(s.name())) throw new IllegalArgumentException("plot '" + title + "' already has a series '" + s.name() + "'");
        }
        check(asLine);
        series.add(asLine);
        return this;
    }

    /** Draws a vertical reference line at {@code xValue} (data units) with a label. */
    public Plot verticalLine(double xValue, String label) {
        requireOpen();
        verticals.add(new double[] {xValue});
        verticalLabels.add(label);
        return this;
    }

    /** Draws a horizontal reference line at {@code yValue} (data units). */
    public Plot horizontalLine(double yValue) {
        requireOpen();
        horizontals.add(yValue);
        return this;
    }

    /** Writes text in the plot area (for example why a figure has no data), wrapped at about 90 characters. */
    public Plot message(String text) {
        requireOpen();
        messages.addAll(wrap(text, 90));
        return this;
    }

    /**
     * Fixes the colours of these groups, in palette order, so that a group has the same colour in every panel of a
     * figure whether or not the other groups are present.
     */
    public Plot colourOrder(String... groups) {
        requireOpen();
        colourOrder.addAll(List.of(groups));
        return this;
    }

    /** @return the series added, in data units and in order */
    public List<Series> series() { return List.copyOf(series); }

    /** @return the title */
    public String title() { return title; }

    /** @return true when no series was added */
    public boolean isEmpty() { return series.isEmpty(); }

    /** @return the distinct provenance labels of the series, in order */
    public List<String> provenances() { return series.stream().map(Series::provenance).distinct().toList(); }

    /** @return the chart, built on first use; the plot cannot change afterwards */
    public XYChart chart() {
        if (chart == null) chart = build();
        return chart;
    }

    /**
     * Renders the plot into a figure.
     *
     * @param id      file-safe id
     * @param caption what it shows
     * @param source  where its numbers come from, with provenance labels (see {@link Labels#source})
     * @return the figure
     */
    public Figure figure(String id, String caption, String source) { return Figure.of(id, chart(), caption, source); }

    /**
     * @param name a series name
     * @return the x values drawn, read back from the chart and converted to data units (category plots: the
     *         category index the value was drawn at)
     */
    public double[] plottedX(String name) {
        XYSeries s = drawn(name);
        double[] xs = s.getXData();
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = categories != null ? Math.rint(xs[i]) : x.scale().fromAxis(xs[i]);
        return out;
    }

    /**
     * @param name a series name
     * @return the y values drawn, read back from the chart and converted to data units
     */
    public double[] plottedY(String name) {
        XYSeries s = drawn(name);
        double[] ys = s.getYData();
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) out[i] = y.scale().fromAxis(ys[i]);
        return out;
    }

    /** @return the names of the series drawn, in legend order */
    public List<String> plottedNames() { return chart().getSeriesCollection().stream().map(XYSeries::getName).toList(); }

    private XYSeries drawn(String name) {
        XYSeries s = chart().getSeries(name);
        if (s == null) throw new IllegalArgumentException("plot '" + title + "' has no series '" + name + "'; it has " + plottedNames());
        return s;
    }

    private void requireOpen() {
        if (chart != null) throw new IllegalStateException("plot '" + title + "' is already drawn");
    }

    private void check(Series s) {
        double[] xs = s.x();
        double[] ys = s.y();
        for (int i = 0; i < xs.length; i++) {
            if (categories == null && x.scale().isLog() && !(xs[i] > 0)) {
                throw new IllegalArgumentException("series '" + s.name() + "' point " + i + " has x = " + xs[i]
                        + ", which the log axis '" + x.title() + "' of plot '" + title + "' cannot show");
            }
            if (y.scale().isLog() && !(ys[i] > 0)) {
                throw new IllegalArgumentException("series '" + s.name() + "' point " + i + " has y = " + ys[i]
                        + ", which the log axis '" + y.title() + "' of plot '" + title + "' cannot show");
            }
        }
    }

    private XYChart build() {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x.title()).yAxisTitle(y.title()).build();
        XYStyler st = c.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setMarkerSize(7);

        Map<String, Color> colours = new LinkedHashMap<>();
        for (String g : colourOrder) colours.putIfAbsent(g, PALETTE[colours.size() % PALETTE.length]);
        int n = series.size();
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < n; k++) {
            Series s = series.get(k);
            double[] xs = s.x();
            double[] ys = s.y();
            Integer[] order = new Integer[xs.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
            double[] px = new double[xs.length];
            double[] py = new double[xs.length];
            for (int i = 0; i < order.length; i++) {
                int j = order[i];
                // categories sit at whole positions: XChart places custom-formatted ticks at the data's x values
                px[i] = categories != null ? xs[j] : x.scale().toAxis(xs[j]);
                py[i] = y.scale().toAxis(ys[j]);
                xr[0] = Math.min(xr[0], px[i]);
                xr[1] = Math.max(xr[1], px[i]);
                yr[0] = Math.min(yr[0], py[i]);
                yr[1] = Math.max(yr[1], py[i]);
            }
            XYSeries drawn = c.addSeries(s.name(), px, py);
            Color colour = colours.computeIfAbsent(s.group(), g -> PALETTE[colours.size() % PALETTE.length]);
            style(drawn, s.provenance(), colour);
            if (points.contains(s.name())) {
                drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                if (s.provenance().equals(Labels.MODEL_SOURCE)) drawn.setMarker(SeriesMarkers.TRIANGLE_UP);
            }
            if (steps.contains(s.name())) {
                drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                if (s.size() > 100) drawn.setMarker(SeriesMarkers.NONE);
            }
        }
        for (double h : horizontals) {
            double p = y.scale().toAxis(h);
            yr[0] = Math.min(yr[0], p);
            yr[1] = Math.max(yr[1], p);
            c.addAnnotation(new AnnotationLine(p, false, false));
        }
        for (int i = 0; i < verticals.size(); i++) {
            double p = x.scale().toAxis(verticals.get(i)[0]);
            xr[0] = Math.min(xr[0], p);
            xr[1] = Math.max(xr[1], p);
        }
        if (categories != null) {
            st.setXAxisMin(-0.6);
            st.setXAxisMax(categories.size() - 0.4);
            // XChart drops custom tick labels that do not fit its spacing hint, so category names are written in a
            // band kept free at the bottom of the plot instead
            st.setXAxisTicksVisible(false);
            if (yr[0] <= yr[1]) {
                double lo = y.scale().isLog() ? Math.floor(yr[0] + 1e-9) : yr[0];
                double hi = y.scale().isLog() ? Math.ceil(yr[1] - 1e-9) : yr[1];
                if (hi - lo < 1e-9) hi = lo + 1;
                double band = (hi - lo) * 0.14;
                yr[0] = lo - band;
                yr[1] = hi;
                for (int i = 0; i < categories.size(); i++) {
                    List<String> lines = wrap(categories.get(i), Math.max(8, 60 / categories.size()));
                    for (int l = 0; l < lines.size(); l++) {
                        c.addAnnotation(new AnnotationText(lines.get(l), i, lo - band * (0.3 + 0.4 * l), false));
                    }
                }
                if (y.scale().isLog()) {
                    st.setYAxisMin(yr[0]).setYAxisMax(yr[1]);
                    c.setCustomYAxisTickLabelsFormatter(v -> v < lo - 1e-9 ? "" : tick(v, y.scale()));
                } else {
                    st.setYAxisMin(yr[0]).setYAxisMax(yr[1]);
                }
            }
        } else if (x.scale().isLog() && xr[0] <= xr[1]) {
            logAxis(c, true, xr);
        }
        if (categories == null && y.scale().isLog() && yr[0] <= yr[1]) logAxis(c, false, yr);
        for (int i = 0; i < verticals.size(); i++) {
            double p = x.scale().toAxis(verticals.get(i)[0]);
            c.addAnnotation(new AnnotationLine(p, true, false));
            if (yr[0] <= yr[1]) {
                AnnotationText t = new AnnotationText(verticalLabels.get(i), p, yr[1] - 0.03 * Math.max(1e-9, yr[1] - yr[0]), false);
                c.addAnnotation(t);
            }
        }
        if (series.isEmpty()) {
            st.setAxisTicksVisible(false);
            st.setLegendVisible(false);
            st.setPlotGridLinesVisible(false);
        }
        for (int i = 0; i < messages.size(); i++) {
            // screen-space annotations are centred on (x, y), with y counted from the bottom
            c.addAnnotation(new AnnotationText(messages.get(i), WIDTH * 0.5, HEIGHT * 0.6 - 20 * i, true));
        }
        return c;
    }

    /** @return {@code text} split after spaces and hyphens into lines of at most about {@code width} characters */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("(?<=[ -])")) {
            if (line.length() > 0 && line.length() + word.length() > width) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString().strip());
        return lines;
    }

    private void logAxis(XYChart c, boolean isX, double[] range) {
        Scale s = isX ? x.scale() : y.scale();
        double lo = Math.floor(range[0] + 1e-9);
        double hi = Math.ceil(range[1] - 1e-9);
        if (hi - lo < 1) hi = lo + 1;
        if (isX) {
            c.getStyler().setXAxisMin(lo).setXAxisMax(hi);
            c.setCustomXAxisTickLabelsFormatter(v -> tick(v, s));
        } else {
            c.getStyler().setYAxisMin(lo).setYAxisMax(hi);
            c.setCustomYAxisTickLabelsFormatter(v -> tick(v, s));
        }
    }

    /** A tick label for an axis position: the value at whole powers, blank in between. */
    static String tick(double position, Scale s) {
        double r = Math.rint(position);
        if (Math.abs(position - r) > 1e-6) return "";
        return number(s.fromAxis(r));
    }

    /** @return a short rendering of a tick value: integers as such, small values with three significant digits */
    static String number(double v) {
        if (v >= 1 && v < 1e6 && Math.abs(v - Math.rint(v)) < 1e-9) return Long.toString(Math.round(v));
        double exp = Math.log10(v);
        if (Math.abs(exp - Math.rint(exp)) < 1e-9 && (v < 1e-3 || v >= 1e6)) return "1e" + Math.round(exp);
        if (v < 1e-4 || v >= 1e6) return String.format(Locale.ROOT, "%.2e", v);
        String f = String.format(Locale.ROOT, "%.3g", v);
        return f.contains(".") ? f.replaceAll("0+$", "").replaceAll("\\.$", "") : f;
    }

    private void style(XYSeries s, String provenance, Color colour) {
        boolean paper = provenance.startsWith("paper-");
        boolean model = provenance.equals(Labels.MODEL_SOURCE);
        Marker marker = paper ? SeriesMarkers.CIRCLE : model ? SeriesMarkers.NONE : SeriesMarkers.DIAMOND;
        BasicStroke line = paper ? SeriesLines.DASH_DASH : model ? SeriesLines.DOT_DOT : SeriesLines.SOLID;
        if (categories != null) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            if (model) marker = SeriesMarkers.TRIANGLE_UP;
        }
        s.setMarker(marker);
        s.setLineStyle(line);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
    }
}
