package org.llmenergy.experiment.spec;

import java.util.Objects;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.model.Precision;

/**
 * One measured configuration of a sweep: which model runs where, how, and on what shape of batch. Every
 * request of the cell's batches has exactly {@code input} prompt tokens and generates exactly {@code output}
 * tokens (end-of-sequence is ignored, as the paper's controlled lengths require; digest §2.6).
 *
 * @param engine   the backend name that runs it ({@code "djl"} by default; see {@link EngineCapabilities})
 * @param model    a model preset name or a checkpoint directory
 * @param device   where it runs; results files write its label ({@code "cpu"}, {@code "gpu:0"}, …)
 * @param dtype    weights and activations precision; results files write its label ({@code "fp32"}, …)
 * @param options  the engine flags
 * @param decoding the decoding strategy
 * @param batch    sequences per batch, or {@link BatchSize#LARGEST}
 * @param input    prompt tokens per request, I
 * @param output   generated tokens per request, O (the first comes from prefill, O − 1 from decode steps)
 */
public record Cell(String engine, String model, ComputeDevice device, Precision dtype, EngineFlags options,
                   DecodingSpec decoding, BatchSize batch, int input, int output) {

    public Cell {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(batch, "batch");
        if (input <= 0) throw new IllegalArgumentException("input tokens must be > 0, got " + input);
        if (output <= 0) throw new IllegalArgumentException("output tokens must be > 0, got " + output);
    }

    /**
     * The cell's identity in results files: resume, dedupe and merge compare these strings.
     *
     * @return for example {@code djl|tiny-15m|cpu|fp32|default{}|greedy|b=8|i=512|o=64}
     */
    public String key() {
        return String.join("|", engine, model, device.label(), dtype.label(), options.key(), decoding.key(),
                "b=" + batch, "i=" + input, "o=" + output);
    }

    /**
     * A stored cell key in today's spelling. Files written before cells carried a typed device spell GPU 0 as
     * {@code gpu}; {@link #key()} now writes {@code gpu:0}, so resume would otherwise run those cells again.
     *
     * @param storedKey a {@link #key()} as a results file holds it
     * @return the same key with its device field written as {@link ComputeDevice#label()}; unchanged when the
     *         field is not a device (a foreign or malformed key)
     */
    public static String canonicalKey(String storedKey) {
        String[] parts = storedKey.split("\\|", -1);
        if (parts.length < 3) return storedKey;
        try {
            parts[2] = ComputeDevice.parse(parts[2]).label();
        } catch (IllegalArgumentException notADevice) {
            return storedKey;
        }
        return String.join("|", parts);
    }

    /** @return a short label for progress lines, for example {@code tiny-15m B=8 I=512 O=64} */
    public String label() {
        return model + " B=" + batch + " I=" + input + " O=" + output
                + (decoding.strategy() == DecodingStrategy.GREEDY ? "" : " " + decoding.key())
                + (options.flags().isEmpty() ? "" : " " + options.name());
    }
}
