package org.llmenergy.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmenergy.inference.EngineOptions;
import org.llmenergy.inference.InferenceEngine;
import org.llmenergy.inference.ModelSource;
import org.llmenergy.inference.Phase;
import org.llmenergy.inference.PhaseListener;
import org.llmenergy.inference.RunResult;
import org.llmenergy.inference.RunSpec;
import org.llmenergy.io.Json;
import org.llmenergy.model.Family;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.model.Presets;

/**
 * Prefill and decode throughput of the DJL engine against the same architecture in PyTorch eager (Hugging Face
 * transformers, same thread count, measured in the same invocation right after), and decode's achieved memory
 * bandwidth against the machine's copy bandwidth measured here too (decode of a small batch streams every weight
 * once per step, so copy bandwidth is its physical floor).
 *
 * <pre>
 * java -cp "toolkit/target/classes:benchmarks/target/classes:$(cat toolkit/target/classpath.txt)" \
 *     org.llmenergy.bench.InferenceThroughput [--model tiny-15m] [--threads 2] [--inputs 128,512] [--output 65]
 *     [--batches 1,8] [--warmup 1] [--repeats 5] [--python PATH]
 * </pre>
 *
 * The PyTorch side needs a Python with torch and transformers: {@code --python}, else {@code $LLM_ENERGY_PYTHON},
 * else {@code /tmp/venv-gold/bin/python}. When none works the harness says how to create one and reports the DJL
 * side alone.
 */
public final class InferenceThroughput {
    private static final ObjectMapper JSON = Json.mapper();

    private InferenceThroughput() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String modelName = opt.getOrDefault("model", "tiny-15m");
        ModelConfig config = Presets.get(modelName);
        if (config.family() != Family.LLAMA) throw new IllegalArgumentException("the baseline builds Llama-family presets only");
        int threads = Integer.parseInt(opt.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int[] inputs = Arrays.stream(opt.getOrDefault("inputs", opt.getOrDefault("input", "128")).split(","))
                .mapToInt(Integer::parseInt).toArray();
        int output = Integer.parseInt(opt.getOrDefault("output", "65"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1"));
        int repeats = Integer.parseInt(opt.getOrDefault("repeats", "5"));
        int[] batches = Arrays.stream(opt.getOrDefault("batches", "1,8").split(",")).mapToInt(Integer::parseInt).toArray();

        System.out.printf(Locale.ROOT, "model %s (%,d parameters, fp32), threads %d, inputs %s, output %d, repeats %d (medians), load average at start %.2f%n",
                modelName, config.parameterCount(), threads, Arrays.toString(inputs), output, repeats, loadAverage());

        List<String> rows = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        double copyBandwidth;
        try (InferenceEngine engine = InferenceEngine.load(new ModelSource.RandomWeights(config, 0),
                EngineOptions.cpu().withThreads(threads))) {
            System.out.println("djl attention: " + engine.attentionPath());
            copyBandwidth = copyBandwidth();
            for (int input : inputs) {
                try (PytorchBaseline baseline = PytorchBaseline.start(opt, config, threads, input, output)) {
                    for (int b : batches) measure(engine, baseline, config, b, input, output, warmup, repeats,
                            copyBandwidth, rows, ratios);
                }
            }
        }

        System.out.printf(Locale.ROOT, "copy bandwidth (libtorch in-place copy of 512 MiB, read + write, best of 8): %.2f GB/s%n", copyBandwidth / 1e9);
        System.out.println("batch  input  engine         prefill tok/s  decode tok/s  TPOT ms  decode GB/s  of copy BW  prefill CPU s  decode CPU ms/step  peak RSS MB");
        rows.forEach(System.out::println);
        ratios.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average at end %.2f%n", loadAverage());
    }

    private static void measure(InferenceEngine engine, PytorchBaseline baseline, ModelConfig config, int b, int input,
                                int output, int warmup, int repeats, double copyBandwidth, List<String> rows,
                                List<String> ratios) throws IOException {
        for (int i = 0; i < warmup; i++) {
            engine.run(RunSpec.greedy(b, input, output, 1000 + i));
            if (baseline != null) baseline.run(b, 1000 + i);
        }
        // Interleaved, so load from other processes on a shared machine hits both engines alike.
        double[][] d = new double[6][repeats];
        double[][] t = new double[6][repeats];
        for (int r = 0; r < repeats; r++) {
            PhaseCpuTime cpu = new PhaseCpuTime();
            RunResult run = engine.run(RunSpec.greedy(b, input, output, r), cpu);
            d[0][r] = run.prefillTokensPerSecond();
            d[1][r] = run.decodeTokensPerSecond();
            d[2][r] = run.timePerOutputTokenSeconds();
            d[3][r] = cpu.decode / (output - 1);
            d[4][r] = cpu.prefill;
            d[5][r] = run.peakMemory().bytes() == null ? Double.NaN : run.peakMemory().bytes() / 1e6;
            if (baseline != null) {
                double[] pt = baseline.run(b, r);
                t[0][r] = (double) b * input / pt[0];
                t[1][r] = (double) b * (output - 1) / pt[1];
                t[2][r] = pt[1] / (output - 1);
                t[3][r] = pt[3] / (output - 1);
                t[4][r] = pt[2];
                t[5][r] = pt[4];
            }
        }
        double bytes = decodeBytesPerStep(config, b, input, output);
        double[] dm = medians(d);
        rows.add(row(b, input, "djl", dm, bytes, copyBandwidth));
        if (baseline == null) return;
        double[] tm = medians(t);
        rows.add(row(b, input, "pytorch-eager", tm, bytes, copyBandwidth));
        double[] prefillRatio = new double[repeats];
        double[] decodeRatio = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            prefillRatio[r] = d[0][r] / t[0][r];
            decodeRatio[r] = d[1][r] / t[1][r];
        }
        ratios.add(String.format(Locale.ROOT, "batch %d input %d: prefill DJL/PyTorch = %.3f (goal >= 0.9; median of %d "
                        + "back-to-back pairs, range %.3f-%.3f), decode DJL/PyTorch = %.3f (goal >= 0.95, range %.3f-%.3f); "
                        + "CPU time PyTorch/DJL: prefill %.3f, decode %.3f",
                b, input, median(prefillRatio), repeats, min(prefillRatio), max(prefillRatio), median(decodeRatio),
                min(decodeRatio), max(decodeRatio), tm[4] / dm[4], tm[3] / dm[3]));
    }

    private static double[] medians(double[][] xs) {
        double[] m = new double[xs.length];
        for (int i = 0; i < xs.length; i++) m[i] = median(xs[i]);
        return m;
    }

    private static double min(double[] xs) { return Arrays.stream(xs).min().orElse(Double.NaN); }

    private static double max(double[] xs) { return Arrays.stream(xs).max().orElse(Double.NaN); }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The process's CPU time, in seconds, spent in each phase. It changes less than wall time when other processes
     * share the cores (spinning OpenMP threads still count), so it shows the engines' own cost on a busy machine.
     */
    static final class PhaseCpuTime implements PhaseListener {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long start;
        double prefill;
        double decode;

        @Override
        public void onPhase(Phase phase, Phase.Edge edge) {
            if (edge == Phase.Edge.START) {
                start = os.getProcessCpuTime();
                return;
            }
            double s = (os.getProcessCpuTime() - start) / 1e9;
            if (phase == Phase.PREFILL) prefill = s; else if (phase == Phase.DECODE) decode = s;
        }
    }

    private static String row(int b, int input, String engine, double[] m, double bytesPerStep, double copyBandwidth) {
        double gbs = bytesPerStep / m[2];
        return String.format(Locale.ROOT, "%5d  %5d  %-13s  %13.0f  %12.1f  %7.2f  %11.2f  %9.0f%%  %13.2f  %18.2f  %11.0f",
                b, input, engine, m[0], m[1], m[2] * 1e3, gbs / 1e9, 100 * gbs / copyBandwidth, m[4], m[3] * 1e3, m[5]);
    }

    /**
     * Bytes a decode step must read at least: every weight once (the tied embedding counts once, as the output
     * projection) plus the KV cache of all sequences, averaged over the decode steps.
     */
    static double decodeBytesPerStep(ModelConfig c, int batch, int input, int output) {
        double weights = c.parameterCount() * 4.0;
        double meanContext = input + output / 2.0;
        double kv = 2.0 * c.numLayers() * c.kvDim() * meanContext * batch * 4.0;
        return weights + kv;
    }

    /**
     * Copy bandwidth of this machine through libtorch with the engine's threads: bytes read plus written per
     * second, best of several in-place copies of 512 MiB (the destination is touched first, so page faults of
     * fresh memory are not counted).
     */
    static double copyBandwidth() {
        long n = 128L << 20; // 128 Mi floats = 512 MiB
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray src = m.ones(new Shape(n), DataType.FLOAT32);
            NDArray dst = m.zeros(new Shape(n), DataType.FLOAT32);
            NDIndex all = new NDIndex(":");
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 8; i++) {
                long t0 = System.nanoTime();
                dst.set(all, src);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            if (dst.getFloat(n - 1) != 1f) throw new IllegalStateException("copy did not happen");
            return 2.0 * n * 4 / best;
        }
    }

    /** The Python process of benchmarks/python/inference_pytorch_eager.py, serving one run per request. */
    static final class PytorchBaseline implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final java.io.Writer in;
        private final Path config;

        private PytorchBaseline(Process process, Path config) {
            this.process = process;
            this.config = config;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** @return the running baseline, or null (after saying why and how to fix it) when Python lacks torch */
        static PytorchBaseline start(Map<String, String> opt, ModelConfig c, int threads, int input, int output)
                throws IOException {
            String python = opt.getOrDefault("python",
                    System.getenv().getOrDefault("LLM_ENERGY_PYTHON", "/tmp/venv-gold/bin/python"));
            Path script = Path.of(opt.getOrDefault("script", "benchmarks/python/inference_pytorch_eager.py"));
            if (!pythonHasTorch(python) || !Files.isRegularFile(script)) {
                System.out.println("PyTorch baseline skipped: " + python + " cannot import torch and transformers, or "
                        + script + " is missing (run from the repository root). Create the environment with:");
                System.out.println("  python3 -m venv /tmp/venv-gold && /tmp/venv-gold/bin/pip install "
                        + "torch==2.13.0+cpu transformers safetensors");
                return null;
            }
            Path cfg = Files.createTempFile("llm-energy-bench-", ".json");
            JSON.writeValue(cfg.toFile(), hfConfig(c));
            Process p = new ProcessBuilder(python, script.toString(), "--config", cfg.toString(),
                    "--threads", String.valueOf(threads), "--input", String.valueOf(input),
                    "--output", String.valueOf(output)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            PytorchBaseline b = new PytorchBaseline(p, cfg);
            JsonNode ready = b.next();
            System.out.println("pytorch baseline: torch " + ready.get("torch").textValue() + ", attention "
                    + ready.get("attention").textValue() + ", threads " + ready.get("threads").intValue());
            return b;
        }

        /** @return {prefill s, decode s, prefill CPU s, decode CPU s, peak RSS MB so far} of one greedy run */
        double[] run(int batch, int seed) throws IOException {
            in.write(batch + " " + seed + "\n");
            in.flush();
            JsonNode j = next();
            return new double[] {j.get("prefill_s").doubleValue(), j.get("decode_s").doubleValue(),
                    j.get("prefill_cpu_s").doubleValue(), j.get("decode_cpu_s").doubleValue(),
                    j.has("max_rss_mb") ? j.get("max_rss_mb").doubleValue() : Double.NaN};
        }

        private JsonNode next() throws IOException {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("{")) return JSON.readTree(line);
            }
            throw new IOException("the PyTorch baseline ended early (exit " + exitCode(process) + ")");
        }

        @Override
        public void close() throws IOException {
            try {
                in.write("\n");
                in.close();
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            } finally {
                Files.deleteIfExists(config);
            }
        }
    }

    private static String exitCode(Process p) {
        try {
            return String.valueOf(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static boolean pythonHasTorch(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch, transformers").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The preset as a Hugging Face LlamaConfig dictionary. */
    static Map<String, Object> hfConfig(ModelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vocab_size", c.vocabSize());
        m.put("hidden_size", c.hiddenSize());
        m.put("intermediate_size", c.intermediateSize());
        m.put("num_hidden_layers", c.numLayers());
        m.put("num_attention_heads", c.numHeads());
        m.put("num_key_value_heads", c.numKvHeads());
        m.put("head_dim", c.headDim());
        m.put("max_position_embeddings", c.maxPositions());
        m.put("rope_theta", c.ropeTheta());
        m.put("rms_norm_eps", c.normEps());
        m.put("tie_word_embeddings", c.tieEmbeddings());
        return m;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value at " + args[i]);
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
