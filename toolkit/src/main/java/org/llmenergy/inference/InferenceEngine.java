package org.llmenergy.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;

/**
 * A decoder-only transformer on DJL's PyTorch engine, ready to run generation cells.
 *
 * <pre>{@code
 * try (InferenceEngine engine = InferenceEngine.load(ModelSource.parse("tiny-15m", 0), EngineOptions.cpu())) {
 *     RunResult r = engine.run(RunSpec.greedy(8, 128, 32, 0), PhaseListener.NONE);
 * }
 * }</pre>
 *
 * <p>Each run allocates its KV cache and intermediates in its own NDManager, closed when the run ends; every
 * decode step frees its intermediates when the step ends. Weights, rotary tables and mask blocks are kept.
 * An engine runs one run at a time.
 */
public final class InferenceEngine implements AutoCloseable {
    private static final String ENGINE = "PyTorch";

    static {
        WaitPolicy.apply(); // before libtorch (and its libgomp) loads
    }

    private final ModelSource source;
    private final EngineOptions options;
    private final Transformer model;
    private final NDArray syncProbe;
    private final DeviceSync sync;
    private final Map<ModelSource, Transformer> drafts = new HashMap<>();
    private HuggingFaceTokenizer tokenizer;

    private InferenceEngine(ModelSource source, EngineOptions options, Transformer model) {
        this.source = source;
        this.options = options;
        this.model = model;
        if (options.device().gpu()) {
            syncProbe = model.weights().manager().create(new float[] {0f});
            sync = () -> syncProbe.toFloatArray();
        } else {
            syncProbe = null;
            sync = DeviceSync.NONE;
        }
    }

    /**
     * Loads a model onto a device.
     *
     * @param source  where architecture and weights come from
     * @param options device, precision, threads
     * @return the engine; close it to free its memory
     * @throws UnsupportedOperationException for bf16, or an architecture {@link #requireRunnable} refuses
     * @throws IllegalStateException         when no GPU is visible or the weights do not fit
     * @throws CheckpointFormatException     when a checkpoint is malformed or does not match its config
     */
    public static InferenceEngine load(ModelSource source, EngineOptions options) {
        return new InferenceEngine(source, options, loadModel(source, options));
    }

    /** Families whose layers the DJL transformer implements; every other family is described, not run. */
    private static final Set<Family> RUNNABLE = EnumSet.of(Family.LLAMA, Family.QWEN2, Family.OLMO);

    /**
     * Refuses any architecture the DJL transformer does not implement, so that it is never run as something else.
     *
     * @param config the architecture
     * @throws UnsupportedOperationException naming the model and the feature: a family other than Llama, Qwen2 or
     *                                       OLMo, mixture-of-experts layers, latent attention or sliding windows
     */
    public static void requireRunnable(ModelConfig config) {
        if (!RUNNABLE.contains(config.family())) {
            throw new UnsupportedOperationException(config.name() + " is a " + config.family() + " model; the DJL "
                    + "transformer runs only " + RUNNABLE + " dense models (use the analytic estimators for others)");
        }
        if (config.isMoe()) {
            throw new UnsupportedOperationException(config.name() + " is a mixture-of-experts model ("
                    + config.numExperts() + " experts); the DJL transformer runs dense models only");
        }
        if (config.isMla()) {
            throw new UnsupportedOperationException(config.name() + " uses multi-head latent attention; the DJL "
                    + "transformer implements grouped-query attention only");
        }
        if (config.slidingWindow().present()) {
            throw new UnsupportedOperationException(config.name() + " uses sliding-window attention ("
                    + config.slidingWindow().tokens() + " tokens); the DJL transformer attends the whole context");
        }
    }

    private static Transformer loadModel(ModelSource source, EngineOptions options) {
        ModelConfig config = source.config();
        DataType type = DjlDataTypes.dataType(options.precision());
        requireRunnable(config);
        Engine engine = Engine.getEngine(ENGINE);
        Device device = options.device().toDjl();
        if (options.device().gpu() && engine.getGpuCount() <= options.device().index()) {
            throw new IllegalStateException("device " + options.device().label() + " requested but DJL's PyTorch engine "
                    + "sees " + engine.getGpuCount() + " GPU(s); a CUDA libtorch 2.7.1 is needed (see environment/GPU.md)");
        }
        if (options.intraOpThreads() > 0) JniUtils.setNumThreads(options.intraOpThreads());
        long weightBytes = config.parameterCount() * DjlDataTypes.bytesPerElement(options.precision());
        MemoryBudget.require(config.name() + " weights in " + options.precision().label(), weightBytes, options.device());
        NDManager manager = engine.newBaseManager(device);
        try {
            TransformerWeights weights;
            if (source instanceof ModelSource.Checkpoint c) {
                try (SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(c.directory())) {
                    weights = CheckpointWeightLoader.load(ckpt, config, type, manager);
                }
            } else {
                ModelSource.RandomWeights r = (ModelSource.RandomWeights) source;
                weights = RandomWeightInit.create(config, r.seed(), type, manager);
            }
            return new Transformer(weights, type, options.maxAttentionBytes(), options.maxPrefillTokens(),
                    options.scriptedAttention());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The activation memory the engine budgets for a prefill (the peak of one layer of one pass, see
     * {@link Transformer}), for comparison with measured peaks.
     *
     * @param config  the architecture
     * @param options precision and the pass and attention bounds
     * @param rows    sequences (batch x beams)
     * @param input   prompt tokens per sequence
     * @return bytes
     * @throws ArithmeticException when the figure exceeds a long
     */
    public static long prefillActivationBytes(ModelConfig config, EngineOptions options, long rows, int input) {
        return MemoryBudget.activationBytes(config, rows, input, 0, DjlDataTypes.bytesPerElement(options.precision()),
                options.maxPrefillTokens());
    }

    /** @return the architecture */
    public ModelConfig config() { return model.config(); }

    /** @return the loaded model, for tests in this package */
    Transformer model() { return model; }

    /** @return where the model came from */
    public ModelSource source() { return source; }

    /** @return the options it was loaded with */
    public EngineOptions options() { return options; }

    /**
     * @return the attention this engine runs: libtorch's fused attention through TorchScript, or the chunked
     * attention and why (turned off, or the scripted block absent or refused by libtorch)
     */
    public String attentionPath() { return model.attentionPath(); }

    /** @return how the weight values were obtained, for provenance */
    public String weightsProvenance() { return model.weights().provenance(); }

    /**
     * @return a synchronisation that waits for this engine's device (a no-op on the CPU); use it at the edges
     * of measurement windows outside {@link #run}
     */
    public DeviceSync deviceSync() { return sync; }

    /** Runs one cell without a listener. */
    public RunResult run(RunSpec spec) { return run(spec, PhaseListener.NONE); }

    /**
     * Runs one cell: prefill of {@code batch x input} tokens, then decode until every sequence has exactly
     * {@code output} tokens.
     *
     * @param spec     the cell
     * @param listener told about phase edges (after a device sync)
     * @return timings, tokens and peak memory
     * @throws IllegalArgumentException when the spec cannot run on this model (text prompt without tokenizer,
     *                                  speculative decoding with a mismatched draft or acceptance setting)
     * @throws IllegalStateException    when the KV cache does not fit
     */
    public synchronized RunResult run(RunSpec spec, PhaseListener listener) {
        ModelConfig config = model.config();
        List<String> notes = new ArrayList<>();
        Generator generator = generatorFor(spec.decoding(), notes);
        long[] ids = promptIds(spec);
        int rowsPerSeq = spec.decoding() instanceof Decoding.Beam b ? b.width() : 1;
        int slack = spec.decoding() instanceof Decoding.Speculative s ? s.gamma() + 1 : 0;
        int capacity = spec.inputTokens() + spec.outputTokens() + slack;
        long cacheBytes = 2L * config.numLayers() * config.kvDim() * capacity
                * spec.batch() * rowsPerSeq * DjlDataTypes.bytesPerElement(options.precision());
        // Prefill activations (one layer of one pass) are budgeted with the cache.
        long rows = (long) spec.batch() * rowsPerSeq;
        long activationBytes;
        try {
            activationBytes = prefillActivationBytes(config, options, rows, spec.inputTokens());
        } catch (ArithmeticException e) {
            activationBytes = Long.MAX_VALUE - cacheBytes;
        }
        MemoryBudget.require("the KV cache for " + spec.batch() + " x " + rowsPerSeq + " sequences of "
                + capacity + " positions and the prefill activations of " + spec.inputTokens() + " tokens",
                cacheBytes + activationBytes, options.device());
        if (spec.inputTokens() + spec.outputTokens() > config.maxPositions()) {
            notes.add("input + output (" + (spec.inputTokens() + spec.outputTokens()) + ") exceeds the model's "
                    + config.maxPositions() + " trained positions; compute is the same, outputs are not meaningful");
        }
        if (source instanceof ModelSource.RandomWeights) {
            notes.add("random weights: timing and memory are those of the architecture; generated text is meaningless");
        }
        // Seeds libtorch's CPU and CUDA generators, used by sampling.
        JniUtils.setSeed(spec.seed());
        PeakMemoryProbe memory = PeakMemoryProbe.of(options.device());
        memory.reset();
        Generation g;
        int[][] tokens;
        try (NDManager run = model.weights().manager().newSubManager()) {
            NDArray prompt = run.create(ids, new Shape(spec.batch(), spec.inputTokens()));
            NDScope.unregister(prompt);
            g = generator.generate(new RunContext(model, run, prompt, spec, new PhaseClock(listener, sync)));
            tokens = toRows(g.tokens().toLongArray(), spec.batch(), spec.outputTokens());
        }
        MemoryReading peak = memory.read();
        return result(spec, g, tokens, peak, notes);
    }

    private RunResult result(RunSpec spec, Generation g, int[][] tokens, MemoryReading peak, List<String> notes) {
        int b = spec.batch();
        int decodeTokens = spec.outputTokens() - 1;
        Double tpot = null;
        Double decodeRate = null;
        if (decodeTokens == 0) {
            notes.add("output is 1 token: no decode steps, so time per output token and decode throughput are undefined");
        } else {
            tpot = g.decodeSeconds() / decodeTokens;
            decodeRate = (double) b * decodeTokens / g.decodeSeconds();
        }
        double e2e = g.prefillSeconds() + g.decodeSeconds();
        return new RunResult(model.config().name(), source.describe(), options.device().label(),
                options.precision().label(), JniUtils.getNumThreads(), model.attentionPath(), b, spec.inputTokens(), spec.outputTokens(),
                spec.decoding().label(), g.prefillSeconds(), g.decodeSeconds(), tpot, e2e,
                (double) b * spec.inputTokens() / g.prefillSeconds(), decodeRate,
                (double) b * spec.outputTokens() / e2e, peak, g.speculative(), tokens, notes);
    }

    private static int[][] toRows(long[] flat, int rows, int cols) {
        if (flat.length != (long) rows * cols) {
            throw new IllegalStateException("generated " + flat.length + " tokens, expected " + rows + " x " + cols);
        }
        int[][] out = new int[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = Math.toIntExact(flat[r * cols + c]);
        return out;
    }

    private Generator generatorFor(Decoding d, List<String> notes) {
        if (d instanceof Decoding.Beam beam) return new BeamSearchGenerator(beam.width());
        if (d instanceof Decoding.Speculative s) return new SpeculativeGenerator(draftFor(s, notes), s);
        return new SamplingGenerator(TokenChooser.of(d));
    }

    private Transformer draftFor(Decoding.Speculative s, List<String> notes) {
        boolean randomTarget = source instanceof ModelSource.RandomWeights;
        if (randomTarget && s.acceptanceRate() == null) {
            throw new IllegalArgumentException("speculative decoding with random weights needs an acceptance rate: "
                    + "a random draft agrees with a random target about 1/vocab of the time, which is not the "
                    + "compute pattern of a real draft");
        }
        if (!randomTarget && s.acceptanceRate() != null) {
            throw new IllegalArgumentException("speculative decoding with checkpoint weights verifies proposals for "
                    + "real; drop the acceptance rate");
        }
        if (s.draft().config().vocabSize() != model.config().vocabSize()) {
            throw new IllegalArgumentException("draft " + s.draft().config().name() + " has a vocabulary of "
                    + s.draft().config().vocabSize() + " tokens, target " + model.config().name() + " of "
                    + model.config().vocabSize());
        }
        if (randomTarget) {
            notes.add("speculative acceptance simulated at rate " + s.acceptanceRate() + " (random weights)");
        }
        Transformer draft = drafts.get(s.draft());
        if (draft == null) {
            draft = loadModel(s.draft(), options);
            drafts.put(s.draft(), draft);
        }
        return draft;
    }

    private long[] promptIds(RunSpec spec) {
        int vocab = model.config().vocabSize();
        if (spec.prompt() instanceof Prompt.Text text) {
            return PromptTokens.fromTexts(tokenizer(), text.texts(), spec.batch(), spec.inputTokens(), vocab);
        }
        if (spec.prompt() instanceof Prompt.Ids given) {
            return PromptTokens.fromIds(given.ids(), spec.batch(), spec.inputTokens(), vocab);
        }
        return PromptTokens.random(spec.batch(), spec.inputTokens(), vocab, spec.seed());
    }

    HuggingFaceTokenizer tokenizer() {
        if (tokenizer != null) return tokenizer;
        if (!(source instanceof ModelSource.Checkpoint c)) {
            throw new IllegalArgumentException("a text prompt needs a checkpoint with tokenizer.json; "
                    + source.config().name() + " has random weights (use random prompt tokens)");
        }
        if (!Files.isRegularFile(c.tokenizerFile())) {
            throw new IllegalArgumentException("a text prompt needs " + c.tokenizerFile() + ", which does not exist");
        }
        try {
            // No truncation or padding: the engine itself cuts prompts to the input length, and a default
            // maximum length would silently shorten long prompts.
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(c.tokenizerFile())
                    .optTruncation(false).optPadding(false).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + c.tokenizerFile() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The native tokenizer's parse error names neither the file nor what to do.
            throw new IllegalArgumentException(c.tokenizerFile() + " is not a valid Hugging Face tokenizer ("
                    + e.getMessage() + "); download tokenizer.json again from the model's repository, or run without"
                    + " a text prompt (random prompt tokens)", e);
        }
        return tokenizer;
    }

    /**
     * Full-sequence logits without a cache, for tests against a reference implementation.
     *
     * @param ids {@code [rows][T]} token ids
     * @return fp32 logits {@code [rows][T][V]}, flattened row-major
     */
    float[] logits(long[][] ids) {
        int rows = ids.length;
        int t = ids[0].length;
        long[] flat = new long[rows * t];
        for (int r = 0; r < rows; r++) System.arraycopy(ids[r], 0, flat, r * t, t);
        try (NDManager run = model.weights().manager().newSubManager();
             KvCache cache = KvCache.allocate(run, model.config(), rows, t, model.type());
             NDScope ignored = new NDScope()) {
            NDArray tokens = run.create(flat, new Shape(rows, t));
            return model.forward(tokens, cache, true).toFloatArray();
        }
    }

    @Override
    public synchronized void close() {
        if (tokenizer != null) tokenizer.close();
        drafts.values().forEach(Transformer::close);
        drafts.clear();
        if (syncProbe != null) syncProbe.close();
        model.close();
    }
}
