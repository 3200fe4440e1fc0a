package org.llmenergy.estimate.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Engine;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Precision;
import org.llmenergy.model.Presets;

/**
 * A serving setting named in one line, the way a student states a what-if: {@code model=llama-3.1-8b,gpu=H100,
 * max-num-seqs=64}. Keys: {@code model} (a preset), {@code gpu} (a catalog name), {@code tp}, {@code dtype},
 * {@code engine} ({@code vllm} | {@code hf-eager}), and either {@code max-num-seqs} (continuous batching) or
 * {@code batch} (the paper's static batches). Unstated keys take the calibrated model's defaults: TP 1, bf16, vLLM,
 * continuous batching with {@code max_num_seqs} 256 (vLLM's default).
 *
 * @param model     preset name
 * @param gpu       GPU catalog name
 * @param tp        GPUs per replica (tensor parallel)
 * @param precision weight precision
 * @param engine    serving engine
 * @param serving   batching
 */
public record Setup(String model, String gpu, int tp, Precision precision, Engine engine, Serving serving) {

    /** vLLM's default {@code max_num_seqs} (vLLM engine arguments, 2024), the calibrated model's default too. */
    public static final int DEFAULT_MAX_NUM_SEQS = 256;

    public Setup {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(serving, "serving");
        if (tp <= 0) throw new IllegalArgumentException("tp must be > 0, got " + tp);
        Presets.get(model);              // an unknown preset fails here, naming the known ones
        GpuCatalog.builtIn().get(gpu);   // likewise an unknown GPU
    }

    /**
     * @param text {@code key=value} pairs separated by commas; {@code model} and {@code gpu} are required
     * @return the setup
     * @throws IllegalArgumentException naming the key and value that cannot be read
     */
    public static Setup parse(String text) {
        Map<String, String> kv = pairs(text);
        if (!kv.containsKey("model") || !kv.containsKey("gpu")) {
            throw new IllegalArgumentException("setup '" + text + "': model=... and gpu=... are required");
        }
        Setup defaults = new Setup(kv.get("model"), kv.get("gpu"), 1, Precision.BF16, Engine.VLLM,
                Serving.continuous(DEFAULT_MAX_NUM_SEQS));
        return defaults.apply(kv, text);
    }

    /**
     * @param changes {@code key=value} pairs to change, for example {@code gpu=H100} or {@code batch=64}
     * @return this setup with those keys changed
     */
    public Setup with(String changes) { return apply(pairs(changes), changes); }

    /**
     * @return the calibrated model of this setting (the shipped calibration)
     * @throws org.llmenergy.estimate.calibrated.UnsupportedConfigurationException when the model cannot represent it
     */
    public CalibratedModel energyModel() {
        return CalibratedModel.builder().setModel(Presets.get(model)).setGpu(GpuCatalog.builtIn().get(gpu))
                .optTensorParallel(tp).optPrecision(precision).optEngine(engine).optServing(serving).build();
    }

    /** @return the same setting as {@code llm-energy estimate} options */
    public String estimateOptions() {
        String batching = serving instanceof Serving.Static s ? "--batch " + s.batch()
                : "--max-num-seqs " + ((Serving.Continuous) serving).maxNumSeqs();
        return "--model " + model + " --gpu " + gpu + " --tp " + tp + " --dtype " + precision.label() + " --engine "
                + engine.label() + " " + batching;
    }

    /** @return this setup in the form {@link #parse} reads */
    @Override
    public String toString() {
        String batching = serving instanceof Serving.Static s ? "batch=" + s.batch()
                : "max-num-seqs=" + ((Serving.Continuous) serving).maxNumSeqs();
        return "model=" + model + ",gpu=" + gpu + ",tp=" + tp + ",dtype=" + precision.label() + ",engine=" + engine.label()
                + "," + batching;
    }

    private Setup apply(Map<String, String> kv, String text) {
        String m = model;
        String g = gpu;
        int t = tp;
        Precision p = precision;
        Engine e = engine;
        Serving s = serving;
        if (kv.containsKey("max-num-seqs") && kv.containsKey("batch")) {
            throw new IllegalArgumentException("setup '" + text + "': give max-num-seqs or batch, not both");
        }
        for (Map.Entry<String, String> en : kv.entrySet()) {
            String v = en.getValue();
            switch (en.getKey()) {
                case "model" -> m = v;
                case "gpu" -> g = v;
                case "tp" -> t = positive(text, "tp", v);
                case "dtype" -> p = Precision.parse(v);
                case "engine" -> e = Engine.parse(v);
                case "max-num-seqs" -> s = Serving.continuous(positive(text, "max-num-seqs", v));
                case "batch" -> s = Serving.staticBatch(positive(text, "batch", v));
                default -> throw new IllegalArgumentException("setup '" + text + "': unknown key '" + en.getKey()
                        + "'; known: model, gpu, tp, dtype, engine, max-num-seqs, batch");
            }
        }
        return new Setup(m, g, t, p, e, s);
    }

    private static Map<String, String> pairs(String text) {
        Objects.requireNonNull(text, "setup text");
        Map<String, String> kv = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                bad.add(item);
                continue;
            }
            String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (kv.put(key, item.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("setup '" + text + "': key '" + key + "' given twice");
            }
        }
        if (!bad.isEmpty()) throw new IllegalArgumentException("setup '" + text + "': not key=value: " + bad);
        if (kv.isEmpty()) throw new IllegalArgumentException("setup '" + text + "' is empty");
        return kv;
    }

    private static int positive(String text, String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        throw new IllegalArgumentException("setup '" + text + "': " + key + " must be a positive integer, got '" + value + "'");
    }
}
