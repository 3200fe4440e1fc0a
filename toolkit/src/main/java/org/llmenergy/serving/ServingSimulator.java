package org.llmenergy.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.LengthMoments;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Serving;

/**
 * A discrete-event simulation of serving requests that arrive over time, on replicas of one calibrated configuration
 * behind a router. The batching is the model's own {@link Serving}: continuous (vLLM's iteration-level scheduler, see
 * {@link Replica}) or static batches of B (the paper's offline mode, on the same machinery). Every iteration's time
 * and power come from {@link CalibratedModel#step}; between iterations a replica draws {@link CalibratedModel#idleWatts()}.
 *
 * <pre>{@code
 * ServingSimulator sim = ServingSimulator.builder().setModel(calibrated).optReplicas(2).build();
 * ServingSimulator.Run run = sim.start();
 * trace.forEach(r -> run.submit(clock.next(seconds(r)), r.input(), r.output()));
 * SimulationResult result = run.finish();
 * }</pre>
 *
 * <p>Energy is counted over the window from the first arrival to the last token: busy energy is the sum of the
 * iterations' energies, idle energy is idle power over every replica's remaining time in that window.
 */
public final class ServingSimulator {
    /** vLLM's KV-cache block size, in tokens (vLLM engine arguments, --block-size default 16, docs.vllm.ai, 2024). */
    public static final int BLOCK_TOKENS = 16;
    /**
     * vLLM V1's default token budget per iteration for its OpenAI-compatible server: 8192 on GPUs with at least 70 GiB
     * other than the A100, 2048 on others ({@code EngineArgs.get_batch_defaults}, vllm/engine/arg_utils.py, 2025).
     *
     * @param gpu the GPU
     * @return the default max_num_batched_tokens
     */
    public static int defaultMaxBatchedTokens(org.llmenergy.hardware.GpuSpec gpu) {
        boolean large = gpu.memoryBytes() >= 70L * 1024 * 1024 * 1024 && !gpu.name().startsWith("A100");
        return large ? 8192 : 2048;
    }

    private final CalibratedModel model;
    private final Limits limits;
    private final int replicas;
    private final Router router;
    private final boolean everyIteration;
    private final Consumer<RequestOutcome> listener;
    private final List<EstimateFlag> flags;

    /**
     * What the scheduler may put in one iteration.
     *
     * @param maxNumSeqs       running sequences at most (continuous batching)
     * @param staticBatch      requests per static batch, or 0 for continuous batching
     * @param maxBatchedTokens tokens per iteration at most (decode tokens plus prompt chunks)
     * @param chunkedPrefill   whether prompts are split into chunks that share iterations with decodes
     */
    public record Limits(int maxNumSeqs, int staticBatch, int maxBatchedTokens, boolean chunkedPrefill) {}

    private ServingSimulator(Builder b) {
        this.model = b.model;
        this.replicas = b.replicas;
        this.router = b.router;
        this.everyIteration = b.everyIteration;
        this.listener = b.listener;
        List<EstimateFlag> f = new ArrayList<>(model.flags());
        Serving serving = model.serving();
        int maxNumSeqs = serving instanceof Serving.Continuous c ? c.maxNumSeqs() : ((Serving.Static) serving).batch();
        int batch = serving instanceof Serving.Static s ? s.batch() : 0;
        int tokens = b.maxBatchedTokens != null ? b.maxBatchedTokens : defaultMaxBatchedTokens(model.gpu());
        if (tokens <= 0) throw new IllegalArgumentException("--max-batched-tokens must be > 0, got " + tokens);
        if (batch == 0 && b.chunkedPrefill && tokens < maxNumSeqs) {
            throw new IllegalArgumentException("--max-batched-tokens " + tokens + " < max_num_seqs " + maxNumSeqs
                    + ": an iteration could not decode every running sequence (vLLM refuses this too)");
        }
        if (batch == 0 && b.maxBatchedTokens == null) {
            f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "max_batched_tokens " + tokens
                    + " (vLLM V1's server default for this GPU; give --max-batched-tokens)"));
        }
        double capacity = model.kvCapacityTokens();
        if (batch == 0 && (double) maxNumSeqs * BLOCK_TOKENS > capacity) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "max_num_seqs %d does not fit the KV cache: %d sequences x %d-token blocks = %d tokens > %.0f tokens "
                            + "the cache of %s on %d x %s holds (GPU memory x 0.90 utilisation - 3 GiB reserved per GPU - "
                            + "weights, over the KV bytes per token, x the calibrated capacity factor)",
                    maxNumSeqs, maxNumSeqs, BLOCK_TOKENS, (long) maxNumSeqs * BLOCK_TOKENS, capacity, model.model().name(),
                    model.tensorParallel(), model.gpu().name()));
        }
        this.limits = new Limits(maxNumSeqs, batch, tokens, batch == 0 && b.chunkedPrefill);
        if (batch == 0 && !b.chunkedPrefill) {
            f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "chunked prefill off: prompts run whole in prefill-only iterations"));
        }
        f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "runs of identical decode iterations priced by the trapezoid rule "
                + "over context (exact for step costs linear in context)"));
        if (!model.flags().stream().anyMatch(x -> x.kind() == EstimateFlag.Kind.UNCALIBRATED_GPU)) {
            f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "idle power: the calibrated idle fraction of TDP between iterations"));
        }
        this.flags = List.copyOf(f);
    }

    /** @return a builder */
    public static Builder builder() { return new Builder(); }

    /** @return the scheduler's limits */
    public Limits limits() { return limits; }

    /** @return the pricing model */
    public CalibratedModel model() { return model; }

    /** @return a new, empty run */
    public Run start() { return new Run(); }

    /**
     * One simulation: requests are submitted in arrival order, then {@link #finish()} drains the replicas. Memory is
     * the requests waiting or running, whatever the trace's length.
     */
    public final class Run {
        private final Replica[] pool = new Replica[replicas];
        private final PowerBins power = new PowerBins(0.01);
        private final LatencyHistogram ttft = new LatencyHistogram();
        private final LatencyHistogram itl = new LatencyHistogram();
        private final LatencyHistogram e2e = new LatencyHistogram();
        private final Map<String, Long> exclusions = new LinkedHashMap<>();
        private final LengthMoments.Accumulator moments = new LengthMoments.Accumulator();
        private final int maxContext = model.model().maxPositions();
        private final double kvCapacity = model.kvCapacityTokens();
        private long submitted;
        private long served;
        private long outputTokens;
        private long inputTokens;
        private long nextReplica;
        private double lastArrival = Double.NEGATIVE_INFINITY;
        private double lastFinish;
        private boolean finished;

        private Run() {
            for (int i = 0; i < replicas; i++) pool[i] = new Replica(i, model, limits, everyIteration, this);
        }

        PowerBins power() { return power; }

        /**
         * Submits the next request.
         *
         * @param arrival seconds from the first arrival; not before the previous request's
         * @param input   prompt tokens
         * @param output  output tokens
         * @throws OutOfOrderArrivalException when it arrives before the previous request
         */
        public void submit(double arrival, int input, int output) {
            if (finished) throw new IllegalStateException("the run has finished");
            long index = submitted++;
            if (!(arrival >= lastArrival)) throw new OutOfOrderArrivalException(index, arrival, lastArrival);
            lastArrival = arrival;
            String reason = exclusion(input, output);
            if (reason != null) {
                exclusions.merge(reason, 1L, Long::sum);
                return;
            }
            moments.add(input, output, 1);
            Replica target;
            if (router == Router.ROUND_ROBIN) {
                target = pool[(int) (nextReplica++ % replicas)];
                target.advance(arrival);
            } else {
                target = pool[0];
                for (Replica r : pool) {
                    r.advance(arrival);
                    if (r.load() < target.load()) target = r;
                }
            }
            target.enqueue(new Sequence(index, arrival, input, output));
        }

        private String exclusion(int input, int output) {
            if (input <= 0 || output <= 0) return "input and output must be > 0";
            if ((long) input + output > maxContext) return "input + output > the model's context " + maxContext + " tokens";
            if (limits.staticBatch() == 0 && input + output > kvCapacity) {
                return String.format(Locale.ROOT, "input + output > the KV cache (%.0f tokens)", kvCapacity);
            }
            return null;
        }

        void finished(Replica r, Sequence s, double now) {
            served++;
            outputTokens += s.output;
            inputTokens += s.input;
            double ttftS = s.firstToken - s.arrival;
            double e2eS = now - s.arrival;
            double itlS = (now - s.firstToken) / s.output;
            ttft.add(ttftS, 1);
            e2e.add(e2eS, 1);
            itl.add(itlS, s.output);
            lastFinish = Math.max(lastFinish, now);
            if (listener != null) {
                listener.accept(new RequestOutcome(s.index, r.id(), s.arrival, s.input, s.output, ttftS, itlS, e2eS, s.preemptions));
            }
        }

        /** @return the totals, after every request has finished */
        public SimulationResult finish() {
            if (finished) throw new IllegalStateException("the run has finished");
            finished = true;
            for (Replica r : pool) r.advance(Double.POSITIVE_INFINITY);
            double busyS = 0, busyJ = 0, seqIter = 0;
            long iterations = 0, preempted = 0, oversized = 0;
            for (Replica r : pool) {
                busyS += r.busySeconds();
                busyJ += r.busyJoules();
                seqIter += r.sequenceIterations();
                iterations += r.iterations();
                preempted += r.preemptions();
                oversized += r.oversizedStaticBatches();
            }
            double makespan = served == 0 ? 0 : lastFinish;
            double idleJ = model.idleWatts() * Math.max(0, replicas * makespan - busyS);
            List<EstimateFlag> all = new ArrayList<>(flags);
            if (oversized > 0) {
                all.add(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, oversized + " static batches hold more tokens than the KV cache "
                        + String.format(Locale.ROOT, "(%.0f)", kvCapacity)));
            }
            if (served > 0 && limits.staticBatch() == 0) {
                double byMemory = kvCapacity / moments.moments().meanDecodeContext();
                if (byMemory < limits.maxNumSeqs()) {
                    all.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, String.format(Locale.ROOT,
                            "the KV cache (%.0f tokens) holds about %.0f sequences of this workload's mean context, fewer than max_num_seqs %d",
                            kvCapacity, byMemory, limits.maxNumSeqs())));
                }
            }
            return new SimulationResult(served, submitted - served, Map.copyOf(exclusions), inputTokens, outputTokens,
                    busyJ, idleJ, makespan, busyS, replicas, iterations, iterations == 0 ? Double.NaN : seqIter / iterations,
                    Percentiles.of(ttft), Percentiles.of(itl), Percentiles.of(e2e), preempted,
                    power.points(makespan, replicas, model.idleWatts()), model.intervalFactors(), List.copyOf(all));
        }
    }

    /** DJL-style builder: {@code set} for what is required, {@code opt} for what has a default. */
    public static final class Builder {
        private CalibratedModel model;
        private int replicas = 1;
        private Router router = Router.ROUND_ROBIN;
        private Integer maxBatchedTokens;
        private boolean chunkedPrefill = true;
        private boolean everyIteration;
        private Consumer<RequestOutcome> listener;

        private Builder() {}

        /** Required: the calibrated configuration; its {@link Serving} sets continuous or static batching. */
        public Builder setModel(CalibratedModel model) { this.model = Objects.requireNonNull(model); return this; }

        /** Replicas behind the router (default 1). */
        public Builder optReplicas(int replicas) {
            if (replicas <= 0) throw new IllegalArgumentException("--replicas must be > 0, got " + replicas);
            this.replicas = replicas;
            return this;
        }

        /** The router (default round-robin). */
        public Builder optRouter(Router router) { this.router = Objects.requireNonNull(router); return this; }

        /** Tokens per iteration at most (default {@link #defaultMaxBatchedTokens}, flagged). */
        public Builder optMaxBatchedTokens(int tokens) { this.maxBatchedTokens = tokens; return this; }

        /** Chunked prefill (default on, as in vLLM V1). */
        public Builder optChunkedPrefill(boolean on) { this.chunkedPrefill = on; return this; }

        /** Step every decode iteration one by one instead of pricing runs in closed form (slow; for checking the approximation). */
        public Builder optEveryIteration(boolean on) { this.everyIteration = on; return this; }

        /** Called once per finished request (for per-request records). */
        public Builder optRequestListener(Consumer<RequestOutcome> listener) { this.listener = listener; return this; }

        /** @return the simulator; throws IllegalArgumentException when the limits cannot be served, with the arithmetic */
        public ServingSimulator build() {
            if (model == null) throw new IllegalArgumentException("setModel(...) is required");
            return new ServingSimulator(this);
        }
    }
}
