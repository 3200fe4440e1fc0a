package org.llmenergy.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.io.Json;
import org.llmenergy.report.ServingFigures;
import org.llmenergy.reproduce.OnlineOfflineStudy;
import org.llmenergy.serving.Arrivals;
import org.llmenergy.serving.Percentiles;
import org.llmenergy.serving.PowerBins;
import org.llmenergy.serving.RequestOutcome;
import org.llmenergy.serving.Router;
import org.llmenergy.serving.ServingSimulator;
import org.llmenergy.serving.SimulationResult;
import org.llmenergy.serving.TraceReplay;
import org.llmenergy.units.Energy;
import org.llmenergy.workload.Trace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code llm-energy simulate}: serves a trace on simulated replicas of one calibrated configuration
 * ({@link ServingSimulator}) and prints energy (busy, idle, total), latency percentiles, average batch and makespan.
 * Parses, builds the model and the simulator, replays, prints.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a trace on simulated vLLM-style replicas (continuous batching with chunked prefill, or static",
                "batches with --batch) priced step by step by the calibrated model: energy busy/idle/total, J per request and",
                "per output token (90 %% interval), TTFT/ITL/end-to-end latency p50/p90/p99, average batch, makespan. ESTIMATE.",
                "Arrival timestamps must be in order: an out-of-order trace is refused naming the request, unless --sort",
                "(which holds the trace in memory, 16 bytes per request). Without --sort the trace streams in one pass."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:simulated", "1:an error (bad input names its file and request, or the option)", "2:a usage error"})
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "<id|path>", description = "A dataset id or a trace file.")
    String trace;

    @Mixin
    TraceReadOptions traceRead;

    @Mixin
    ModelOptions models;

    @Option(names = "--replicas", defaultValue = "1", paramLabel = "N", description = "Replicas behind the router (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--router", defaultValue = "round-robin", paramLabel = "round-robin|least-loaded",
            description = "How requests are spread over replicas (default ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--max-batched-tokens", paramLabel = "T",
            description = "Tokens per iteration at most (default: vLLM V1's server default, 8192 on GPUs of 70 GiB or more other than the A100, else 2048; flagged).")
    Integer maxBatchedTokens;

    @Option(names = "--chunked-prefill", defaultValue = "on", paramLabel = "on|off", description = "Chunked prefill (default ${DEFAULT-VALUE}).")
    String chunkedPrefill;

    @Option(names = "--arrivals", defaultValue = "trace", paramLabel = "trace|poisson:RATE|all-at-once",
            description = "The trace's timestamps (default), a Poisson process of RATE requests/s (seed 1), or all at t = 0.")
    String arrivals;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "X",
            description = "With --arrivals trace: multiply every gap between arrivals by X (0.5 replays twice as fast; default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--sort", description = "Sort the trace by timestamp in memory first, instead of refusing one out of order.")
    boolean sort;

    @Option(names = "--requests-out", paramLabel = "FILE", description = "Write one JSON line per served request (latencies, replica, preemptions).")
    Path requestsOut;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output: text (default) or json.")
    String format;

    @Option(names = "--online-vs-offline", description = {"Instead of one run, notebook 09's study: for each of --batches B, the trace "
            + "online at its timestamps (continuous batching, max_num_seqs B) against the same requests offline (static batches of B, "
            + "all at t = 0); prints each B's energies and the paper's Figure 9 reduction. Uses --trace, --model, --gpu only."})
    boolean onlineVsOffline;

    @Option(names = "--batches", split = ",", defaultValue = "1,8,64,128,256", paramLabel = "B,...",
            description = "With --online-vs-offline: the batch sizes (default ${DEFAULT-VALUE}, the paper's A6000 points).")
    List<Integer> batches;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json").contains(format)) throw new IllegalArgumentException("--format must be text or json, got '" + format + "'");
        if (!List.of("on", "off").contains(chunkedPrefill)) {
            throw new IllegalArgumentException("--chunked-prefill must be on or off, got '" + chunkedPrefill + "'");
        }
        if (onlineVsOffline) return study();
        Arrivals arrival = Arrivals.parse(arrivals, timeScale);
        if (sort && !(arrival instanceof Arrivals.FromTrace)) throw new IllegalArgumentException("--sort applies to --arrivals trace only");
        Router route = Router.parse(router);
        if (models.gpu == null) throw new IllegalArgumentException("--gpu is required");
        CalibratedModel model = models.calibrated(models.config("llama-3.1-8b"), GpuCatalog.builtIn().get(models.gpu));
        ServingSimulator.Builder b = ServingSimulator.builder().setModel(model).optReplicas(replicas).optRouter(route)
                .optChunkedPrefill(chunkedPrefill.equals("on"));
        if (maxBatchedTokens != null) b.optMaxBatchedTokens(maxBatchedTokens);
        Trace t = Trace.resolve(trace, traceRead.options());
        SimulationResult result;
        ServingSimulator sim;
        BufferedWriter w = requestsOut == null ? null : Files.newBufferedWriter(requestsOut, StandardCharsets.UTF_8);
        try {
            if (w != null) b.optRequestListener(o -> writeLine(w, o));
            sim = b.build();
            result = TraceReplay.replay(sim, t, arrival, sort);
        } finally {
            if (w != null) w.close(); // what was served before an error stays written
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.pretty().writeValueAsString(json(result, model, sim.limits(), t)));
        } else {
            printText(out, result, model, t);
        }
        out.flush();
        return 0;
    }

    private int study() throws Exception {
        if (models.gpu == null) throw new IllegalArgumentException("--gpu is required");
        String model = models.model == null ? "llama-3.1-8b" : models.model;
        OnlineOfflineStudy s = OnlineOfflineStudy.run(trace, model, models.gpu, batches, 600, List.of());
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServingFigures.OnlineOffline p : s.onlineOffline()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batch", p.batch());
            m.put("online_j", p.online().totalJoules());
            m.put("online_idle_j", p.online().idleJoules());
            m.put("offline_j", p.offline().totalJoules());
            m.put("reduction_pct", p.reductionPercent());
            m.put("online_e2e_p50_s", finite(p.online().e2e().p50()));
            m.put("requests", p.online().requests());
            rows.add(m);
            if (format.equals("text")) {
                out.printf(Locale.ROOT, "B %4d: online %s (idle %s), offline %s, reduction %+.1f %%, online e2e p50 %.3g s%n", p.batch(),
                        Energy.format(p.online().totalJoules()), Energy.format(p.online().idleJoules()),
                        Energy.format(p.offline().totalJoules()), p.reductionPercent(), p.online().e2e().p50());
            }
        }
        if (format.equals("json")) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("study", s.what());
            root.put("points", rows);
            out.println(Json.pretty().writeValueAsString(root));
        } else {
            out.println("(SIMULATED ESTIMATE: " + s.what() + "; reduction = (E_offline - E_online) / E_offline, the paper's Figure 9)");
        }
        out.flush();
        return 0;
    }

    private static void writeLine(BufferedWriter w, RequestOutcome o) {
        try {
            w.write(String.format(Locale.ROOT, "{\"index\":%d,\"replica\":%d,\"arrival_s\":%.6f,\"input\":%d,\"output\":%d,"
                            + "\"ttft_s\":%.6f,\"itl_s\":%.6f,\"e2e_s\":%.6f,\"preemptions\":%d}%n", o.index(), o.replica(), o.arrival(),
                    o.input(), o.output(), o.ttftSeconds(), o.itlSeconds(), o.e2eSeconds(), o.preemptions()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --requests-out: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> json(SimulationResult r, CalibratedModel model, ServingSimulator.Limits limits, Trace t) {
        Map<String, Object> root = new LinkedHashMap<>();
        boolean any = r.requests() > 0;
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("busy", r.busyJoules());
        energy.put("idle", r.idleJoules());
        energy.put("total", r.totalJoules());
        energy.put("total_low", any ? r.total().low() : null);
        energy.put("total_high", any ? r.total().high() : null);
        root.put("energy_j", energy);
        root.put("per_request_j", any ? Numbers.interval(r.perRequest()) : null);
        root.put("per_output_token_j", any ? Numbers.interval(r.perOutputToken()) : null);
        root.put("ttft_s", percentiles(r.ttft()));
        root.put("itl_s", percentiles(r.itl()));
        root.put("e2e_s", percentiles(r.e2e()));
        root.put("avg_batch", finite(r.averageBatch()));
        root.put("makespan_s", r.makespanSeconds());
        root.put("requests", r.requests());
        List<Map<String, Object>> flags = new ArrayList<>();
        for (EstimateFlag f : r.flags()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("detail", f.detail());
            flags.add(m);
        }
        root.put("flags", flags);
        root.put("excluded_requests", r.excludedRequests());
        List<Map<String, Object>> excl = new ArrayList<>();
        r.exclusions().forEach((reason, n) -> excl.add(Map.of("reason", reason, "requests", n)));
        root.put("exclusions", excl);
        root.put("input_tokens", r.inputTokens());
        root.put("output_tokens", r.outputTokens());
        root.put("utilisation", finite(r.utilisation()));
        root.put("iterations", r.iterations());
        root.put("preemptions", r.preemptions());
        root.put("trace", t.source());
        root.put("arrivals", arrivals);
        root.put("model", model.model().name());
        root.put("gpu", model.gpu().name());
        root.put("tp", model.tensorParallel());
        root.put("replicas", r.replicas());
        root.put("router", Router.parse(router).label());
        Map<String, Object> serving = new LinkedHashMap<>();
        serving.put("batching", model.serving().describe());
        serving.put("max_batched_tokens", limits.staticBatch() > 0 ? null : limits.maxBatchedTokens());
        serving.put("chunked_prefill", limits.chunkedPrefill());
        serving.put("kv_capacity_tokens", model.kvCapacityTokens());
        serving.put("idle_w", model.idleWatts());
        root.put("serving", serving);
        root.put("calibration", Map.of("version", model.calibration().version(), "hash", model.calibration().sha256()));
        List<Map<String, Object>> power = new ArrayList<>();
        for (PowerBins.PowerPoint p : r.power()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t_s", p.startSeconds());
            m.put("width_s", p.widthSeconds());
            m.put("watts", p.watts());
            power.add(m);
        }
        root.put("power_w", power);
        return root;
    }

    private static Object finite(double v) { return Double.isFinite(v) ? v : null; }

    private static Map<String, Object> percentiles(Percentiles p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", finite(p.p50()));
        m.put("p90", finite(p.p90()));
        m.put("p99", finite(p.p99()));
        return m;
    }

    private void printText(PrintWriter out, SimulationResult r, CalibratedModel model, Trace t) {
        out.println("trace:       " + t.source() + ", arrivals " + arrivals + ": " + r.requests() + " requests served, "
                + r.excludedRequests() + " excluded");
        out.println("setting:     " + model.model().name() + " on " + model.gpu().name() + " x" + model.tensorParallel() + ", "
                + r.replicas() + " replica(s), " + model.serving().describe() + " (SIMULATED ESTIMATE)");
        if (r.requests() == 0) {
            out.println("energy:      none: no request could be served");
            return;
        }
        out.println("energy:      total " + Energy.format(r.totalJoules()) + " [" + Energy.format(r.total().low()) + ", "
                + Energy.format(r.total().high()) + "] = busy " + Energy.format(r.busyJoules()) + " + idle " + Energy.format(r.idleJoules()));
        out.printf(Locale.ROOT, "per request: %.4g J; per output token: %.4g J%n", r.perRequest().value(), r.perOutputToken().value());
        out.printf(Locale.ROOT, "latency:     TTFT p50/p90/p99 %s; ITL %s; end-to-end %s%n", seconds(r.ttft()), seconds(r.itl()), seconds(r.e2e()));
        out.printf(Locale.ROOT, "serving:     average batch %.1f, utilisation %.1f %%, makespan %.1f s, %d iterations, %d preemptions%n",
                r.averageBatch(), 100 * r.utilisation(), r.makespanSeconds(), r.iterations(), r.preemptions());
        for (EstimateFlag f : r.flags()) out.println("  FLAG: " + f);
        r.exclusions().forEach((reason, n) -> out.println("  EXCLUDED: " + n + " requests: " + reason));
    }

    private static String seconds(Percentiles p) {
        return String.format(Locale.ROOT, "%.3g/%.3g/%.3g s", p.p50(), p.p90(), p.p99());
    }
}
