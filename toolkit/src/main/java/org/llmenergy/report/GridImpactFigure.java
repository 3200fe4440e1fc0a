package org.llmenergy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.llmenergy.impact.Factor;
import org.llmenergy.impact.GridCatalog;
import org.llmenergy.impact.ImpactRequest;
import org.llmenergy.impact.ImpactText;
import org.llmenergy.impact.Impacts;
import org.llmenergy.impact.Location;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Interval;

/**
 * "The same workload in different grids": operational gCO2e of one energy (one trace on one model and GPU) in ten
 * countries and five cloud regions, as bars with the energy's 90 % interval as whiskers, lowest first.
 */
public final class GridImpactFigure {
    /** Ten countries from a low-carbon to a coal-heavy grid. */
    public static final List<String> COUNTRIES = List.of("SWE", "FRA", "BRA", "CAN", "GBR", "ESP", "USA", "DEU", "CHN", "IND");
    /** Five cloud regions, by the provider's own figure (the mirrored impact.csv lists GCP only). */
    public static final List<String> CLOUD_REGIONS = List.of("gcp:europe-north1", "gcp:europe-west1", "gcp:us-west1",
            "gcp:us-central1", "gcp:asia-south1");

    /** What the factors leave out; for the report and notebooks beside the figure. */
    public static final String WHAT_THE_FACTORS_LEAVE_OUT = "What these figures leave out. Grid intensities are yearly,"
            + " location-based averages (countries: Our World in Data / Ember via CodeCarbon, with the year of each figure;"
            + " cloud regions: the provider's own published figure): they ignore the hour the work ran, the marginal plant that"
            + " served it, and the renewable-energy contracts that market-based figures count. PUE and WUE are survey or"
            + " fleet averages, not the facility that ran the work. On-site water counts cooling only; off-site water counts"
            + " only what generating the electricity consumed (EcoLogits / ADEME), not the water used to make the chips."
            + " Embodied emissions cover the GPU baseboard (NVIDIA's HGX H100 product carbon footprint) and not the host"
            + " server, network, storage or building, and depend on an assumed lifetime and utilisation. Idle capacity held"
            + " for peaks, the network beyond the node, the user's device and the training of the model are not counted."
            + " The intervals carry the energy estimate's uncertainty only; the factors' own uncertainty, often tens of"
            + " percent, is not in them.";

    private static final Color COUNTRY = new Color(0x00, 0x72, 0xB2);
    private static final Color CLOUD = new Color(0xD5, 0x5E, 0x00);

    private GridImpactFigure() {}

    /**
     * One bar.
     *
     * @param label   what the bar is, for example {@code "FRA"} or {@code "gcp:europe-west1"}
     * @param cloud   true for a cloud region
     * @param impacts the impacts computed for it (operational present)
     */
    public record Bar(String label, boolean cloud, Impacts impacts) {
        /** @return the operational emissions, gCO2e */
        public Interval gco2e() { return impacts.operational().interval(); }
    }

    /**
     * The bars and the locations left out.
     *
     * @param workload what the energy is, for the title (for example "Azure Code 2023, Llama-3.1-8B on H100")
     * @param energyJ  the energy, J, with its interval
     * @param bars     one per location with a figure, lowest emissions first
     * @param missing  {@code "label: reason"} for each location without a figure
     */
    public record Comparison(String workload, Interval energyJ, List<Bar> bars, List<String> missing) {
        public Comparison {
            bars = List.copyOf(bars);
            missing = List.copyOf(missing);
        }
    }

    /**
     * @param workload  what the energy is
     * @param energyJ   the energy, J, with its 90 % interval
     * @param pue       one PUE for every location, so that only the grid differs
     * @param catalog   the grid factors
     * @param countries ISO-3 codes
     * @param clouds    {@code provider:region}
     * @return the comparison
     */
    public static Comparison compare(String workload, Interval energyJ, double pue, GridCatalog catalog, List<String> countries,
                                     List<String> clouds) {
        List<Bar> bars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String c : countries) add(bars, missing, c, false, Location.region(c), energyJ, pue, catalog);
        for (String c : clouds) add(bars, missing, c, true, Location.CloudRegion.parse(c), energyJ, pue, catalog);
        bars.sort(Comparator.comparingDouble(b -> b.gco2e().value()));
        return new Comparison(workload, energyJ, bars, missing);
    }

    /** @return {@link #compare} over {@link #COUNTRIES} and {@link #CLOUD_REGIONS} at one PUE */
    public static Comparison compare(String workload, Interval energyJ, double pue, GridCatalog catalog) {
        return compare(workload, energyJ, pue, catalog, COUNTRIES, CLOUD_REGIONS);
    }

    private static void add(List<Bar> bars, List<String> missing, String label, boolean cloud, Location where, Interval energyJ,
                            double pue, GridCatalog catalog) {
        Impacts i = Impacts.compute(ImpactRequest.of(energyJ, catalog.grid(where)).withPue(pue));
        if (i.operational().isPresent()) bars.add(new Bar(label, cloud, i));
        else missing.add(label + ": " + i.operational().missingReason());
    }

    /**
     * @param c the comparison
     * @return the figure {@code grid-comparison}: bars in g, kg or t CO2e, whiskers for the interval
     */
    public static Figure figure(Comparison c) {
        if (c.bars().isEmpty()) throw new IllegalArgumentException("no location has a figure: " + c.missing());
        double highest = c.bars().stream().mapToDouble(b -> b.gco2e().high()).max().orElse(0);
        double max = highest > 0 ? highest : 1; // an all-zero comparison still gets an axis
        double scale = max < 1000 ? 1 : max < 1e6 ? 1000 : 1e6;
        String unit = scale == 1 ? "g" : scale == 1000 ? "kg" : "t";
        XYChart chart = new XYChartBuilder().width(Plot.WIDTH).height(Plot.HEIGHT)
                .title("The same workload in different grids: " + c.workload())
                .xAxisTitle("location").yAxisTitle("operational emissions (" + unit + " CO2e)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setXAxisMin(-0.7).setXAxisMax(c.bars().size() - 0.3);
        chart.getStyler().setYAxisMin(-max / scale * 0.14).setYAxisMax(max / scale * 1.05);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.getStyler().setMarkerSize(0);
        boolean countryLegend = false, cloudLegend = false, whiskerLegend = false;
        for (int i = 0; i < c.bars().size(); i++) {
            Bar b = c.bars().get(i);
            Interval g = b.gco2e();
            boolean legend = b.cloud() ? !cloudLegend : !countryLegend;
            String name = !legend ? "bar " + b.label() : b.cloud() ? "cloud region (provider's figure)" : "country (Our World in Data / Ember)";
            XYSeries bar = chart.addSeries(name, new double[] {i, i}, new double[] {0, g.value() / scale});
            bar.setLineColor(b.cloud() ? CLOUD : COUNTRY);
            // A bar is a thick vertical line from 0: XYChart draws the whiskers beside it, which a CategoryChart cannot
            // do for an asymmetric interval.
            bar.setLineStyle(new BasicStroke(Math.max(6f, 380f / c.bars().size()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            bar.setMarker(SeriesMarkers.NONE);
            bar.setShowInLegend(legend);
            if (b.cloud()) cloudLegend = true;
            else countryLegend = true;
            if (g.high() > g.low()) {
                XYSeries w = chart.addSeries(whiskerLegend ? "interval " + b.label() : "energy's 90 % interval",
                        new double[] {i, i, Double.NaN, i - 0.15, i + 0.15, Double.NaN, i - 0.15, i + 0.15},
                        new double[] {g.low() / scale, g.high() / scale, Double.NaN, g.low() / scale, g.low() / scale, Double.NaN,
                                g.high() / scale, g.high() / scale});
                w.setLineColor(Color.BLACK);
                w.setLineStyle(new BasicStroke(1.2f));
                w.setMarker(SeriesMarkers.NONE);
                w.setShowInLegend(!whiskerLegend);
                whiskerLegend = true;
            }
            // Category names under the bars, a cloud region on up to three short lines (provider, then its name split at '-')
            String[] lines = b.cloud() ? b.label().split("[:-]", 3) : new String[] {b.label()};
            for (int l = 0; l < lines.length; l++) {
                chart.addAnnotation(new AnnotationText(lines[l], i, -max / scale * (0.035 + 0.04 * l), false));
            }
        }
        return new Figure("grid-comparison", chart.getTitle(), caption(c), source(c), BitmapEncoder.getBufferedImage(chart));
    }

    private static String caption(Comparison c) {
        Bar first = c.bars().get(0);
        Bar last = c.bars().get(c.bars().size() - 1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Operational emissions of %s (%.4g kWh, 90 %% interval [%.4g, %.4g] kWh of IT energy) at PUE %.3g in %d"
                        + " locations: from %s in %s to %s in %s%s. Whiskers: the energy's interval only.",
                c.workload(), Energy.toKwh(c.energyJ().value()), Energy.toKwh(c.energyJ().low()),
                Energy.toKwh(c.energyJ().high()),
                first.impacts().pue().value(), c.bars().size(), ImpactText.co2e(first.gco2e().value()),
                first.label(), ImpactText.co2e(last.gco2e().value()), last.label(), first.gco2e().value() > 0
                        ? String.format(Locale.ROOT, ", a factor of %.0f", last.gco2e().value() / first.gco2e().value()) : ""));
        if (!c.missing().isEmpty()) s.append(" Not drawn (no figure): ").append(String.join("; ", c.missing())).append('.');
        return s.toString();
    }

    private static String source(Comparison c) {
        StringBuilder s = new StringBuilder("Energy: the caller's (estimate or measurement). Grid intensity per location: ");
        List<String> parts = new ArrayList<>();
        for (Bar b : c.bars()) {
            Factor f = b.impacts().request().grid().carbonIntensity();
            parts.add(b.label() + " " + String.format(Locale.ROOT, "%.4g", f.value()) + (f.year() == null ? "" : " (" + f.year() + ")"));
        }
        s.append(String.join(", ", parts)).append(" gCO2e/kWh; countries from Our World in Data / Ember via CodeCarbon,"
                + " cloud regions from the providers via CodeCarbon impact.csv. PUE: ").append(c.bars().get(0).impacts().pue().describe())
                .append('.');
        return s.toString();
    }
}
