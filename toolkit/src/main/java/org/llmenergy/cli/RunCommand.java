package org.llmenergy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.experiment.spec.DecodingSpec;
import org.llmenergy.experiment.spec.DecodingStrategy;
import org.llmenergy.experiment.djl.DjlBackendFactory;
import org.llmenergy.inference.CellReport;
import org.llmenergy.inference.CellReportJson;
import org.llmenergy.inference.CellRunner;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.inference.Decoding;
import org.llmenergy.inference.DjlDataTypes;
import org.llmenergy.inference.EngineOptions;
import org.llmenergy.inference.InferenceEngine;
import org.llmenergy.inference.ModelSource;
import org.llmenergy.inference.Prompt;
import org.llmenergy.inference.RunResult;
import org.llmenergy.inference.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.llmenergy.io.CsvField;
import org.llmenergy.io.Json;

/** {@code llm-energy run}: one cell (model, batch, input, output, decoding, device, dtype) with warm-up and repeats. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one inference cell with the DJL engine and print timings per repeat and a summary.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "preset name, config.json, or Hugging Face checkpoint directory")
    String model;

    @Option(names = "--batch", required = true, description = "sequences per run")
    int batch;

    @Option(names = "--input", required = true, description = "prompt tokens per sequence")
    int input;

    @Option(names = "--output", required = true, description = "generated tokens per sequence (EOS ignored)")
    int output;

    @Option(names = "--decoding", defaultValue = "greedy", description = "greedy, temperature (sampling), top-p (topp, nucleus), beam (beam-search) or speculative (default: ${DEFAULT-VALUE})")
    String decoding;

    @Option(names = "--temperature", defaultValue = "1.0", description = "sampling temperature (temperature, top-p, speculative sampling)")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.9", description = "nucleus mass for top-p (default: ${DEFAULT-VALUE})")
    double topP;

    @Option(names = "--beam-width", defaultValue = "4", description = "beams for beam search (default: ${DEFAULT-VALUE})")
    int beamWidth;

    @Option(names = "--draft", description = "draft model for speculative decoding (preset, config.json or checkpoint)")
    String draft;

    @Option(names = "--gamma", description = "draft tokens per speculative round (default: the paper's 4)")
    Integer gamma;

    @Option(names = "--acceptance-rate", description = "per-token acceptance for speculative decoding with random weights")
    Double acceptanceRate;

    @Option(names = "--greedy-verify", defaultValue = "true", negatable = true,
            description = "speculative decoding verifies greedily (default); --no-greedy-verify samples at --temperature")
    boolean greedyVerify;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--dtype", defaultValue = "fp32", description = "fp32, bf16 or fp16 (default: ${DEFAULT-VALUE})")
    String dtype;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch intra-op threads, 0 = engine default")
    int threads;

    @Option(names = "--max-prefill-tokens", defaultValue = "" + EngineOptions.DEFAULT_MAX_PREFILL_TOKENS,
            description = "most tokens (batch x positions) one forward pass takes; a longer prefill runs as successive"
                    + " passes through the KV cache, bounding its activation memory (default: ${DEFAULT-VALUE})")
    int maxPrefillTokens;

    @Option(names = "--attention", defaultValue = "fused", paramLabel = "fused|chunked",
            description = "fused: libtorch's scaled-dot-product attention through a TorchScript block (falls back to"
                    + " chunked, and says why, when it cannot load); chunked: the engine's own attention with bounded"
                    + " score tensors (default: ${DEFAULT-VALUE})")
    String attention;

    @Option(names = "--warmup", defaultValue = "1", description = "discarded warm-up runs (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "measured runs (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seed", defaultValue = "0", description = "seed of weights, prompt and sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--prompt-file", description = "text prompt (needs a checkpoint with tokenizer.json); truncated to --input tokens")
    Path promptFile;

    @Option(names = "--tokens", description = "include the generated token ids in the output")
    boolean tokens;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--meter", description = "auto, nvml, rapl or cpu-estimate (default: nvml on a GPU; RAPL where "
            + "readable, else the CPU-time estimate, on the CPU)")
    String meterName;

    @Option(names = "--idle-seconds", defaultValue = "0", description = "measure idle power first, for net-of-idle figures (default: ${DEFAULT-VALUE})")
    double idleSeconds;

    @Option(names = "--random-weights", description = "run a checkpoint folder without .safetensors (for example only"
            + " pytorch_model.bin) with random weights of its architecture instead of refusing it")
    boolean randomWeights;

    @Override
    public Integer call() throws IOException {
        ModelSource source = ModelSource.parse(model, seed, randomWeights);
        if (maxPrefillTokens < 1) {
            throw new IllegalArgumentException("--max-prefill-tokens must be at least 1, got " + maxPrefillTokens);
        }
        boolean fused = switch (attention.toLowerCase(Locale.ROOT)) {
            case "fused" -> true;
            case "chunked" -> false;
            default -> throw new IllegalArgumentException("unknown --attention '" + attention + "' (use fused or chunked)");
        };
        EngineOptions options = new EngineOptions(ComputeDevice.parse(device), DjlDataTypes.parse(dtype), threads,
                EngineOptions.DEFAULT_MAX_ATTENTION_BYTES, maxPrefillTokens, fused);
        RunSpec cell = new RunSpec(batch, input, output, decodingStrategy(), prompt(), seed);
        CellReport report;
        PhaseMeter energy;
        try (EnergyMeter meter = DjlBackendFactory.openMeter(device, meterName);
             InferenceEngine engine = InferenceEngine.load(source, options)) {
            meter.setSyncHook(engine.deviceSync()::run);
            if (meter.choice().fellBack()) {
                spec.commandLine().getErr().println("llm-energy: run: meter: " + meter.choice().describe());
            }
            energy = new PhaseMeter(meter);
            try {
                energy.measureIdle(idleSeconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring idle power", e);
            }
            report = CellRunner.run(engine, cell, warmup, repeats, energy::forRepeat);
        }
        print(report, energy);
        return 0;
    }

    private Decoding decodingStrategy() {
        DecodingStrategy strategy = DecodingStrategy.parse(decoding);
        DecodingSpec spec = switch (strategy) {
            case GREEDY -> DecodingSpec.GREEDY;
            case TEMPERATURE -> new DecodingSpec(strategy, null, temperature, null, null, null, null, null, null);
            case TOP_P -> new DecodingSpec(strategy, null, temperature, topP, null, null, null, null, null);
            case BEAM -> new DecodingSpec(strategy, beamWidth, null, null, null, null, null, null, null);
            case TOP_K -> throw new IllegalArgumentException("--decoding top-k is not implemented by the DJL engine");
            case SPECULATIVE -> {
                if (draft == null) throw new IllegalArgumentException("--decoding speculative needs --draft <preset|dir>");
                yield new DecodingSpec(strategy, null, greedyVerify ? null : temperature, null, null, draft, gamma,
                        null, acceptanceRate);
            }
        };
        return spec.toInference(name -> ModelSource.parse(name, seed + 1));
    }

    private Prompt prompt() {
        if (promptFile == null) return new Prompt.RandomTokens();
        try {
            return new Prompt.Text(List.of(Files.readString(promptFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --prompt-file " + promptFile + ": " + e.getMessage(), e);
        }
    }

    private void print(CellReport report, PhaseMeter energy) throws IOException {
        var out = spec.commandLine().getOut();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> {
                var json = CellReportJson.toJson(report, tokens);
                json.set("energy", energy.toJson());
                out.println(Json.pretty().writeValueAsString(json));
            }
            case "csv" -> {
                out.println("repeat,model,batch,input,output,decoding,device,dtype,attention,prefill_s,decode_s,"
                        + "time_per_output_token_s,end_to_end_s,prefill_tokens_per_s,decode_tokens_per_s,peak_memory_bytes");
                int i = 0;
                for (RunResult r : report.repeats()) {
                    out.println(String.join(",", String.valueOf(i++), r.model(), String.valueOf(r.batch()),
                            String.valueOf(r.inputTokens()), String.valueOf(r.outputTokens()), CsvField.quote(r.decoding()),
                            r.device(), r.precision(), CsvField.quote(r.attention()), num(r.prefillSeconds()), num(r.decodeSeconds()),
                            num(r.timePerOutputTokenSeconds()), num(r.endToEndSeconds()),
                            num(r.prefillTokensPerSecond()), num(r.decodeTokensPerSecond()),
                            r.peakMemory().bytes() == null ? "" : String.valueOf(r.peakMemory().bytes())));
                }
            }
            default -> throw new IllegalArgumentException("unknown --format '" + format + "' (use json or csv)");
        }
        out.flush();
    }

    private static String num(Double v) { return v == null ? "" : String.valueOf(v); }

}
