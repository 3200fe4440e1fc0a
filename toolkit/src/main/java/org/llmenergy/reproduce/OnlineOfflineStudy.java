package org.llmenergy.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Presets;
import org.llmenergy.report.Panel;
import org.llmenergy.report.ServingFigures;
import org.llmenergy.serving.Arrivals;
import org.llmenergy.serving.ServingSimulator;
import org.llmenergy.serving.SimulationResult;
import org.llmenergy.workload.Trace;

/**
 * The data behind notebook 09's four serving figures for one trace, model and GPU: the trace replayed online at its
 * own timestamps (continuous batching, {@code max_num_seqs} = B) against the same requests offline (static batches
 * of B, all at t = 0), as in the paper's Figure 9 (Fernandez et al., ACL 2025, Appendix D); a power-over-time window;
 * energy against Poisson load; and the latency-energy frontier over {@code max_num_seqs} (the online runs).
 *
 * <p>The trace is read once and held (12 bytes per request) because every figure replays the same requests; the
 * held requests are put in stable arrival order, as {@code simulate --sort} does.
 *
 * @param what          label for the figures: trace, model and GPU
 * @param onlineOffline one online and one offline run per batch size, ascending
 * @param window        the first {@code windowSeconds} of the trace online at the largest batch size
 * @param windowSeconds length of that window in trace seconds
 * @param load          the requests at Poisson arrivals, one run per rate, at the largest batch size
 * @param frontier      the online runs again, as frontier points over {@code max_num_seqs}
 */
public record OnlineOfflineStudy(String what, List<ServingFigures.OnlineOffline> onlineOffline, SimulationResult window,
                                 double windowSeconds, List<ServingFigures.LoadPoint> load, List<ServingFigures.FrontierPoint> frontier) {

    public OnlineOfflineStudy {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(window, "window");
        onlineOffline = List.copyOf(onlineOffline);
        load = List.copyOf(load);
        frontier = List.copyOf(frontier);
    }

    /**
     * Runs the study: 2 simulations per batch size, one for the window and one per Poisson rate.
     *
     * @param traceId       a dataset id or trace file with arrival times
     * @param model         a model preset name, e.g. {@code llama-3.1-8b}
     * @param gpu           a GPU in the built-in catalog, e.g. {@code RTX-A6000}
     * @param batches       batch sizes = {@code max_num_seqs} (each &gt; 0)
     * @param windowSeconds the power-over-time window, seconds from the first arrival (&gt; 0)
     * @param poissonRates  arrival rates for energy against load, requests per second (each &gt; 0)
     * @return the figures' data
     * @throws IllegalArgumentException naming the file and request when a request has no arrival time, or an option
     *                                  the simulator refuses (e.g. a {@code max_num_seqs} the KV cache cannot hold)
     */
    public static OnlineOfflineStudy run(String traceId, String model, String gpu, List<Integer> batches, double windowSeconds,
                                         List<Double> poissonRates) {
        if (batches.isEmpty()) throw new IllegalArgumentException("the study needs at least one batch size");
        if (!(windowSeconds > 0)) throw new IllegalArgumentException("the power window must be > 0 s, got " + windowSeconds);
        List<Integer> sizes = batches.stream().sorted().distinct().toList();
        Trace trace = Trace.resolve(traceId);
        Held held = Held.read(trace);
        CalibratedModel.Builder base = CalibratedModel.builder().setModel(Presets.get(model)).setGpu(GpuCatalog.builtIn().get(gpu));
        List<ServingFigures.OnlineOffline> pairs = new ArrayList<>();
        List<ServingFigures.FrontierPoint> frontier = new ArrayList<>();
        for (int b : sizes) {
            SimulationResult online = held.replay(base.optServing(Serving.continuous(b)).build(), new Arrivals.FromTrace(1), i -> true);
            SimulationResult offline = held.replay(base.optServing(Serving.staticBatch(b)).build(), new Arrivals.AllAtOnce(), i -> true);
            pairs.add(new ServingFigures.OnlineOffline(b, online, offline));
            frontier.add(new ServingFigures.FrontierPoint(b, online));
        }
        CalibratedModel largest = base.optServing(Serving.continuous(sizes.get(sizes.size() - 1))).build();
        SimulationResult window = held.replay(largest, new Arrivals.FromTrace(1), i -> held.arrival[i] - held.arrival[0] < windowSeconds);
        List<ServingFigures.LoadPoint> load = new ArrayList<>();
        for (double rate : poissonRates) load.add(new ServingFigures.LoadPoint(rate, held.replay(largest, new Arrivals.Poisson(rate, 1), i -> true)));
        String what = String.format(Locale.ROOT, "%s · %s on %s", trace.source(), model, gpu);
        return new OnlineOfflineStudy(what, pairs, window, windowSeconds, load, frontier);
    }

    /** @return the four panels, in the notebook's order: online vs offline, power over time, energy vs load, frontier */
    public List<Panel> panels() {
        return List.of(ServingFigures.onlineVsOffline(what, onlineOffline),
                ServingFigures.powerOverTime(what + String.format(Locale.ROOT, " · first %.0f s", windowSeconds), window),
                ServingFigures.energyVsLoad(what, load),
                ServingFigures.latencyEnergyFrontier(what, frontier));
    }

    /** The trace's requests in stable arrival order, in parallel arrays. */
    private static final class Held {
        final double[] arrival;
        final int[] input;
        final int[] output;

        private Held(double[] arrival, int[] input, int[] output) {
            this.arrival = arrival;
            this.input = input;
            this.output = output;
        }

        static Held read(Trace trace) {
            List<double[]> rows = new ArrayList<>();
            trace.forEach(q -> {
                if (q.arrival() == null) {
                    throw new IllegalArgumentException(trace.path() + ": request " + (rows.size() + 1)
                            + " has no arrival time; replaying online at the trace's timestamps needs one");
                }
                rows.add(new double[] {q.arrivalSeconds().getAsDouble(), q.input(), q.output()});
            });
            if (rows.isEmpty()) throw new IllegalArgumentException(trace.path() + ": no requests to replay");
            rows.sort(Comparator.comparingDouble(r -> r[0])); // List.sort is stable: ties keep the trace's order
            int n = rows.size();
            double[] a = new double[n];
            int[] in = new int[n];
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = rows.get(i)[0];
                in[i] = (int) rows.get(i)[1];
                out[i] = (int) rows.get(i)[2];
            }
            return new Held(a, in, out);
        }

        SimulationResult replay(CalibratedModel model, Arrivals arrivals, IntPredicate keep) {
            ServingSimulator.Run run = ServingSimulator.builder().setModel(model).build().start();
            Arrivals.Clock clock = arrivals.clock();
            for (int i = 0; i < arrival.length; i++) {
                if (keep.test(i)) run.submit(clock.next(arrival[i]), input[i], output[i]);
            }
            return run.finish();
        }
    }
}
