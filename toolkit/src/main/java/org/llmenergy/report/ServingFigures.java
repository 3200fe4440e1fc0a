package org.llmenergy.report;

import java.util.List;
import java.util.Objects;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;
import org.llmenergy.serving.PowerBins;
import org.llmenergy.serving.SimulationResult;

/**
 * Figures of simulated serving ({@code llm-energy simulate}): power over time, energy against load, online against
 * offline in the form of the paper's Figure 9, and the latency-energy frontier over {@code max_num_seqs}. Builders
 * only: callers run the simulations and pass the results.
 */
public final class ServingFigures {
    private static final String SIMULATED = Labels.MODEL_SOURCE;

    private ServingFigures() {}

    /**
     * One simulation at one arrival rate.
     *
     * @param ratePerSecond arrivals per second
     * @param result        the simulation
     */
    public record LoadPoint(double ratePerSecond, SimulationResult result) {}

    /**
     * The same requests served online and offline at one batch size.
     *
     * @param batch   max_num_seqs online, the static batch offline
     * @param online  continuous batching with the requests' arrivals
     * @param offline static batches, every request at t = 0
     */
    public record OnlineOffline(int batch, SimulationResult online, SimulationResult offline) {
        public OnlineOffline {
            Objects.requireNonNull(online, "online");
            Objects.requireNonNull(offline, "offline");
        }

        /** @return (E_offline - E_online) / E_offline, in percent: the paper's Figure 9 quantity */
        public double reductionPercent() { return 100 * (offline.totalJoules() - online.totalJoules()) / offline.totalJoules(); }
    }

    /**
     * One configuration of the frontier.
     *
     * @param maxNumSeqs the engine's max_num_seqs
     * @param result     the simulation
     */
    public record FrontierPoint(int maxNumSeqs, SimulationResult result) {}

    /** @return panel {@code serving-power-over-time}: all replicas' power over the simulated run, downsampled */
    public static Panel powerOverTime(String what, SimulationResult r) {
        List<PowerBins.PowerPoint> pts = r.power();
        double[] x = pts.stream().mapToDouble(p -> p.startSeconds() + p.widthSeconds() / 2).toArray();
        double[] y = pts.stream().mapToDouble(PowerBins.PowerPoint::watts).toArray();
        Plot plot = Plot.xy("Simulated power over time · " + what, Axis.linear("time since the first arrival (s)"),
                Axis.linear("power of all replicas (W, estimate)"));
        plot.add(new Series("power · " + Labels.ours(SIMULATED), x, y, SIMULATED));
        String caption = String.format(java.util.Locale.ROOT, "Mean power of %d replica(s) per bin (%d bins) over %.0f s: busy"
                        + " iterations priced by the calibrated step model, idle power between them. Busy %.3g J, idle %.3g J. ESTIMATE.",
                r.replicas(), pts.size(), r.makespanSeconds(), r.busyJoules(), r.idleJoules());
        return new Panel("serving-power-over-time", plot, caption, FigureText.source(null, plot));
    }

    /** @return panel {@code serving-energy-vs-load}: J per output token, busy only and with idle, against arrival rate */
    public static Panel energyVsLoad(String what, List<LoadPoint> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("energy against load needs at least one arrival rate");
        List<LoadPoint> sorted = points.stream().sorted(java.util.Comparator.comparingDouble(LoadPoint::ratePerSecond)).toList();
        double[] x = sorted.stream().mapToDouble(LoadPoint::ratePerSecond).toArray();
        double[] total = sorted.stream().mapToDouble(p -> p.result().totalJoules() / p.result().outputTokens()).toArray();
        double[] busy = sorted.stream().mapToDouble(p -> p.result().busyJoules() / p.result().outputTokens()).toArray();
        Plot plot = Plot.xy("Simulated energy against load · " + what, Axis.log10("arrival rate (requests/s)"),
                Axis.log10("energy per output token (J, estimate)"));
        plot.add(new Series("busy + idle · " + Labels.ours(SIMULATED), x, total, SIMULATED));
        plot.add(new Series("busy only · " + Labels.ours(SIMULATED), x, busy, SIMULATED));
        String caption = "Energy per output token as the arrival rate grows (Poisson arrivals): at low load idle power between"
                + " bursts dominates; at high load batches fill and the cost per token falls toward the steady state. ESTIMATE.";
        return new Panel("serving-energy-vs-load", plot, caption, FigureText.source(null, plot));
    }

    /** @return panel {@code serving-online-vs-offline}: ours beside the paper's Figure 9 points */
    public static Panel onlineVsOffline(String what, List<OnlineOffline> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("online vs offline needs at least one batch size");
        List<OnlineOffline> sorted = points.stream().sorted(java.util.Comparator.comparingInt(OnlineOffline::batch)).toList();
        Plot plot = Plot.xy(FigureText.title("Figure 9", "online vs offline serving · " + what, true), Axis.log2(FigureText.BATCH_SIZE),
                Axis.linear("energy reduction, (E_offline − E_online) / E_offline (%)"));
        PaperFigure f = PaperNumbers.load().figure(9);
        for (PaperSeries s : f.series()) plot.add(FigureText.paperSeries(s, s.name()));
        plot.add(new Series("simulated · " + Labels.ours(SIMULATED), sorted.stream().mapToDouble(OnlineOffline::batch).toArray(),
                sorted.stream().mapToDouble(OnlineOffline::reductionPercent).toArray(), SIMULATED));
        plot.horizontalLine(0);
        String caption = "Percent energy saved online (continuous batching, the requests at their arrival times, idle included)"
                + " against offline (static batches of the same size, every request at t = 0), both on the same simulator."
                + " Positive: online saves. " + FigureText.legendKey();
        return new Panel("serving-online-vs-offline", plot, caption, FigureText.source("Fig. 9", plot));
    }

    /** @return panel {@code serving-latency-energy-frontier}: median end-to-end latency against J per output token */
    public static Panel latencyEnergyFrontier(String what, List<FrontierPoint> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("the frontier needs at least one max_num_seqs");
        List<FrontierPoint> sorted = points.stream().sorted(java.util.Comparator.comparingInt(FrontierPoint::maxNumSeqs)).toList();
        double[] x = sorted.stream().mapToDouble(p -> p.result().e2e().p50()).toArray();
        double[] y = sorted.stream().mapToDouble(p -> p.result().totalJoules() / p.result().outputTokens()).toArray();
        Plot plot = Plot.xy("Latency-energy frontier over max_num_seqs · " + what, Axis.log10("median end-to-end latency (s)"),
                Axis.log10("energy per output token (J, estimate)"));
        plot.add(new Series("max_num_seqs " + sorted.stream().map(p -> Integer.toString(p.maxNumSeqs())).reduce((a, b) -> a + ", " + b)
                .orElse("") + " · " + Labels.ours(SIMULATED), x, y, SIMULATED));
        String caption = "Each point is one max_num_seqs on the same trace and arrivals: larger batches spend less energy per"
                + " token and, past saturation, add queueing and longer iterations to the latency. ESTIMATE.";
        return new Panel("serving-latency-energy-frontier", plot, caption, FigureText.source(null, plot));
    }
}
