package org.llmenergy.estimate.calibrated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.llmenergy.estimate.EnergyModel;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.LengthMoments;
import org.llmenergy.estimate.RequestEnergy;
import org.llmenergy.estimate.RequestPricer;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Precision;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;

/**
 * The calibrated what-if model: any model shape on any catalog GPU, tensor-parallel degree, precision and batching,
 * priced per forward step ({@link StepModel}) with parameters fitted to public measurements ({@link Calibration}).
 * Build it DJL-style:
 *
 * <pre>{@code
 * EnergyModel m = CalibratedModel.builder()
 *         .setModel(Presets.get("llama-3.1-8b"))
 *         .setGpu(GpuCatalog.builtIn().get("H100"))
 *         .optServing(Serving.continuous(64))
 *         .build();
 * }</pre>
 *
 * <p>Per request, with continuous batching: the steady state of the workload's length moments fixes the batch and
 * the mixed step; the prefill's share per prompt token is (mixed step - decode-only step) / prompt tokens per step,
 * and each output token costs the decode step's shared part divided by the batch plus the KV-read part of its own
 * context (linear in context, evaluated at the request's mean context I + (O + 1) / 2). With static batches: one
 * prefill step of B x I tokens and O decode steps at the mean context, divided by B. Intervals are the calibration's
 * split-conformal 90 % factors, the wider transfer factors for a GPU without data.
 */
public final class CalibratedModel implements EnergyModel {
    /** Context step used to take the per-token KV slope, in tokens. */
    private static final double CONTEXT_DELTA = 1024;

    private final ModelConfig config;
    private final StepShape shape;
    private final GpuSpec gpu;
    private final GpuFacts facts;
    private final int tp;
    private final boolean expertParallel;
    private final Precision precision;
    private final Serving serving;
    private final Calibration calibration;
    private final GenerationCalibration generation;
    private final List<EstimateFlag> flags;
    private final StepModel stepModel;

    private CalibratedModel(Builder b) {
        this.config = b.model;
        this.gpu = b.gpu;
        this.tp = b.tp;
        this.precision = b.precision;
        this.serving = b.serving;
        this.calibration = b.calibration;
        this.generation = b.calibration.generation(b.generation);
        this.expertParallel = b.expertParallel != null ? b.expertParallel : b.model.isMoe() && b.tp > 1;
        this.shape = StepShape.of(b.model);
        this.facts = GpuFacts.of(b.gpu);
        List<EstimateFlag> f = new ArrayList<>(b.extraFlags);
        if (b.engine == Engine.HF_EAGER) {
            throw new UnsupportedConfigurationException("engine hf-eager: the calibration data (ML.ENERGY) measured vLLM "
                    + "only, so eager-mode step costs are unknown; use --engine vllm, or measure with 'llm-energy sweep'");
        }
        if (tp > 1 && !(facts.linkBandwidth() > 0)) {
            throw new UnsupportedConfigurationException("GPU " + gpu.name() + " has no interconnect bandwidth in the catalog, "
                    + "so tensor parallelism (--tp " + tp + ") cannot be priced");
        }
        boolean fp8 = precision == Precision.FP8;
        switch (precision) {
            case BF16, FP16, FP8 -> { }
            default -> f.add(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, "precision " + precision.label()
                    + " is not in the calibration data (bf16 and fp8): weight bytes scaled, kernels assumed as efficient as bf16"));
        }
        CalibrationParameters p = generation.parameters();
        if (!generation.generation().equals(calibration.generation())) {
            f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "software generation " + generation.generation()
                    + " (not the default " + calibration.generation() + ")"));
        }
        if (!p.calibrated(gpu.name())) {
            f.add(new EstimateFlag(EstimateFlag.Kind.UNCALIBRATED_GPU, gpu.name() + " has no calibration data: "
                    + "efficiencies and power fractions are the mean of " + p.gpus().keySet()
                    + ", applied to its datasheet figures; the interval is the wider leave-one-GPU-out one"));
        } else {
            Calibration.GpuRange r = generation.ranges().get(gpu.name());
            if (r != null && tp > r.maxGpus()) {
                f.add(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, tp + " GPUs per replica > " + r.maxGpus() + " in the calibration data for " + gpu.name()));
            }
            int limit = serving instanceof Serving.Continuous c ? c.maxNumSeqs() : ((Serving.Static) serving).batch();
            if (r != null && (limit > r.maxMaxNumSeqs() || limit < r.minMaxNumSeqs())) {
                f.add(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, "batch limit " + limit + " outside the calibrated "
                        + r.minMaxNumSeqs() + "-" + r.maxMaxNumSeqs() + " for " + gpu.name()));
            }
        }
        if (serving instanceof Serving.Static) {
            f.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "static batches: step costs calibrated on continuous batching (vLLM), "
                    + "each batch prefilled in one step"));
        }
        double raw = SteadyState.rawKvCapacity(shape, facts.memoryBytes(), tp, precision.bytesPerElement());
        if (raw <= 0) {
            throw new UnsupportedConfigurationException(String.format(Locale.ROOT,
                    "%s does not fit: %.1f GB of weights (%s) on %d x %s (%.0f GB x %.2f usable - %.0f GiB reserved each)",
                    config.name(), shape.totalParameters() * precision.bytesPerElement() / 1e9, precision.label(), tp,
                    gpu.name(), facts.memoryBytes() / 1e9, SteadyState.MEMORY_UTILISATION, SteadyState.RESERVED_GIB));
        }
        this.flags = List.copyOf(f);
        StepModel.Hardware hw = new StepModel.Hardware(tp, facts.peakFor(fp8), facts.bandwidth(), facts.linkBandwidth(),
                facts.tdpWatts(), precision.bytesPerElement(), fp8, expertParallel);
        this.stepModel = new StepModel(shape, hw, p.forGpu(gpu.name()), p.shared());
    }

    /** @return a builder */
    public static Builder builder() { return new Builder(); }

    @Override
    public String source() { return "calibrated"; }

    @Override
    public Provenance provenance() { return calibration.provenance(); }

    /** @return the calibration in use */
    public Calibration calibration() { return calibration; }

    /** @return the software generation whose parameters price this model */
    public String generation() { return generation.generation(); }

    /** @return the model shape being priced */
    public ModelConfig model() { return config; }

    /** @return the GPU */
    public GpuSpec gpu() { return gpu; }

    /** @return GPUs per replica */
    public int tensorParallel() { return tp; }

    /** @return the batching */
    public Serving serving() { return serving; }

    /** @return the flags every answer of this model carries */
    public List<EstimateFlag> flags() { return flags; }

    /** @return the steady state for a workload (continuous batching only) */
    public SteadyState steadyState(LengthMoments w) {
        if (!(serving instanceof Serving.Continuous c)) throw new IllegalStateException("steady state needs continuous batching");
        return SteadyState.of(stepModel, facts.memoryBytes(), c.maxNumSeqs(), w, generation.parameters().shared());
    }

    /**
     * One forward step of this configuration, for simulators that step an engine themselves (the same physics
     * {@link #pricerFor} uses).
     *
     * @param decodeSequences sequences decoding one token this step
     * @param decodeContext   their mean context length, in tokens
     * @param prefillTokens   prompt tokens processed this step
     * @param prefillContext  mean attended length of those prompt tokens (half the prompt for a whole causal prefill)
     * @return the step's time (s) and power (W per GPU)
     */
    public StepCost step(double decodeSequences, double decodeContext, double prefillTokens, double prefillContext) {
        return stepModel.step(decodeSequences, decodeContext, prefillTokens, prefillContext);
    }

    /** @return tokens the KV cache of the replica holds (after the weights, with the fitted capacity factor) */
    public double kvCapacityTokens() {
        return generation.parameters().shared().kvCapacityFactor()
                * SteadyState.rawKvCapacity(shape, facts.memoryBytes(), tp, precision.bytesPerElement());
    }

    /** @return the replica's power with nothing to do: GPUs x idle fraction x TDP, in watts */
    public double idleWatts() { return tp * generation.parameters().forGpu(gpu.name()).idleFraction() * facts.tdpWatts(); }

    /** @return the interval factors that apply to this GPU */
    public IntervalFactors intervalFactors() {
        return generation.factorsFor(gpu.name());
    }

    @Override
    public RequestPricer pricerFor(LengthMoments workload) {
        Objects.requireNonNull(workload, "workload");
        IntervalFactors k = intervalFactors();
        int maxContext = config.maxPositions();
        if (serving instanceof Serving.Continuous) {
            SteadyState s = steadyState(workload);
            double b = s.batch();
            double decodeJ = s.decodeStep().joules() / b;
            double decodeS = s.decodeStep().seconds() / b;
            StepCost longer = stepModel.step(b, s.decodeContext() + CONTEXT_DELTA, 0, 0);
            double slopeJ = Math.max(0, (longer.joules() - s.decodeStep().joules()) / (b * CONTEXT_DELTA));
            double slopeS = Math.max(0, (longer.seconds() - s.decodeStep().seconds()) / (b * CONTEXT_DELTA));
            double sharedJ = decodeJ - slopeJ * s.decodeContext();
            double sharedS = decodeS - slopeS * s.decodeContext();
            double pre = s.prefillTokensPerStep();
            double prefillJ = pre > 0 ? Math.max(0, s.step().joules() - s.decodeStep().joules()) / pre : 0;
            double prefillS = pre > 0 ? Math.max(0, s.step().seconds() - s.decodeStep().seconds()) / pre : 0;
            List<EstimateFlag> all = new ArrayList<>(flags);
            if (s.memoryLimited()) {
                all.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, String.format(Locale.ROOT,
                        "KV cache limits the batch to %.0f (< max_num_seqs)", b)));
            }
            List<EstimateFlag> common = List.copyOf(all);
            return new Pricer(common) {
                @Override
                public RequestEnergy price(int input, int output) {
                    if (input <= 0 || output <= 0) return new RequestEnergy.Excluded("input and output must be > 0");
                    if ((long) input + output > maxContext) {
                        return new RequestEnergy.Excluded("input + output " + ((long) input + output) + " > the model's context "
                                + maxContext + " tokens");
                    }
                    double context = input + (output + 1) / 2.0;
                    double pj = input * prefillJ;
                    double dj = output * Math.max(sharedJ + slopeJ * context, 0.1 * decodeJ);
                    double sec = input * prefillS + output * Math.max(sharedS + slopeS * context, 0.1 * decodeS);
                    Interval total = k.around(pj + dj);
                    return new RequestEnergy.Priced(pj, dj, total, sec, List.of());
                }
            };
        }
        int batch = ((Serving.Static) serving).batch();
        double capacity = generation.parameters().shared().kvCapacityFactor()
                * SteadyState.rawKvCapacity(shape, facts.memoryBytes(), tp, precision.bytesPerElement());
        return new Pricer(flags) {
            @Override
            public RequestEnergy price(int input, int output) {
                if (input <= 0 || output <= 0) return new RequestEnergy.Excluded("input and output must be > 0");
                if ((long) input + output > maxContext) {
                    return new RequestEnergy.Excluded("input + output " + ((long) input + output) + " > the model's context " + maxContext + " tokens");
                }
                if ((double) batch * (input + output) > capacity) {
                    return new RequestEnergy.Excluded(String.format(Locale.ROOT, "a batch of %d x %d tokens exceeds the KV cache "
                            + "(%.0f tokens)", batch, input + output, capacity));
                }
                StepCost prefill = stepModel.step(0, 0, (double) batch * input, input / 2.0);
                StepCost decode = stepModel.step(batch, input + (output + 1) / 2.0, 0, 0);
                double pj = prefill.joules() / batch;
                double dj = output * decode.joules() / batch;
                double sec = (prefill.seconds() + output * decode.seconds()) / batch;
                return new RequestEnergy.Priced(pj, dj, k.around(pj + dj), sec, List.of());
            }
        };
    }

    private abstract static class Pricer implements RequestPricer {
        private final List<EstimateFlag> flags;

        Pricer(List<EstimateFlag> flags) { this.flags = flags; }

        @Override
        public List<EstimateFlag> flags() { return flags; }
    }

    /** DJL-style builder: {@code set} for what is required, {@code opt} for what has a default. */
    public static final class Builder {
        private ModelConfig model;
        private GpuSpec gpu;
        private int tp = 1;
        private Boolean expertParallel;
        private Precision precision = Precision.BF16;
        private Engine engine = Engine.VLLM;
        private Serving serving = Serving.continuous(256);
        private Calibration calibration;
        private String generation;
        private final List<EstimateFlag> extraFlags = new ArrayList<>();

        private Builder() {}

        /** Required: the model's shape (a preset, a Hugging Face config, or {@code Presets.fromParameterCount}). */
        public Builder setModel(ModelConfig model) { this.model = model; return this; }

        /** Required: the GPU, from the catalog. */
        public Builder setGpu(GpuSpec gpu) { this.gpu = gpu; return this; }

        /** GPUs per replica, sharing weights and work (default 1). */
        public Builder optTensorParallel(int tp) {
            if (tp <= 0) throw new IllegalArgumentException("--tp must be > 0, got " + tp);
            this.tp = tp;
            return this;
        }

        /** Spread routed experts over the GPUs (default: true for an MoE model on more than one GPU). */
        public Builder optExpertParallel(boolean ep) { this.expertParallel = ep; return this; }

        /** Weight precision (default bf16). */
        public Builder optPrecision(Precision precision) { this.precision = Objects.requireNonNull(precision); return this; }

        /** Serving engine (default vLLM). */
        public Builder optEngine(Engine engine) { this.engine = Objects.requireNonNull(engine); return this; }

        /** Batching (default continuous, max_num_seqs 256, vLLM's default). */
        public Builder optServing(Serving serving) { this.serving = Objects.requireNonNull(serving); return this; }

        /** The calibration (default {@link Calibration#bundled()}). */
        public Builder optCalibration(Calibration calibration) { this.calibration = calibration; return this; }

        /** The software generation (default: the calibration's newest, vLLM 0.11.1; {@code vllm-0.5.4} is ML.ENERGY v2). */
        public Builder optGeneration(String generation) { this.generation = generation; return this; }

        /** A flag every answer carries (for example that the shape came from documented defaults). */
        public Builder optFlag(EstimateFlag flag) { this.extraFlags.add(Objects.requireNonNull(flag)); return this; }

        /**
         * @return the model
         * @throws UnsupportedConfigurationException when the configuration cannot be represented, with the reason
         */
        public CalibratedModel build() {
            if (model == null) throw new IllegalArgumentException("setModel(...) is required");
            if (gpu == null) throw new IllegalArgumentException("setGpu(...) is required");
            if (calibration == null) calibration = Calibration.bundled();
            return new CalibratedModel(this);
        }
    }
}
