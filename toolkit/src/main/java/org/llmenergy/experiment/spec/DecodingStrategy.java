package org.llmenergy.experiment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A decoding strategy, as sweep specs, results files and {@code llm-energy run --decoding} name it. The paper
 * (digest §2.3) compares greedy, beam search, temperature sampling, top-p sampling and speculative decoding.
 * {@link #parse} is the one reader of strategy names.
 */
public enum DecodingStrategy {
    /** The most likely token each step. */
    GREEDY("greedy", null),
    /** Beam search; needs {@code beamWidth}. */
    BEAM("beam", "beamWidth"),
    /** Temperature sampling; needs {@code temperature}. */
    TEMPERATURE("temperature", "temperature"),
    /** Nucleus (top-p) sampling; needs {@code topP}. */
    TOP_P("top-p", "topP"),
    /** Top-k sampling; needs {@code topK} (no engine of this toolkit implements it yet). */
    TOP_K("top-k", "topK"),
    /** Speculative decoding with a draft model; needs {@code draftModel}. */
    SPECULATIVE("speculative", "draftModel");

    private final String label;
    private final String required;

    DecodingStrategy(String label, String required) {
        this.label = label;
        this.required = required;
    }

    /** @return the name results files and cell keys use, for example {@code "top-p"} */
    @JsonValue
    public String label() { return label; }

    /** @return the parameter (a {@link DecodingSpec} component name) the strategy cannot do without, or null */
    public String requiredParameter() { return required; }

    /** @return every strategy's label, in declaration order, for messages */
    public static String labels() {
        return Arrays.stream(values()).map(DecodingStrategy::label).collect(Collectors.joining(", "));
    }

    /**
     * Reads a strategy name: the labels, plus {@code beam-search}, {@code sampling} (temperature), {@code topp}
     * and {@code nucleus} (top-p) and {@code topk}; case-insensitive.
     *
     * @param text a strategy name
     * @return the strategy
     * @throws IllegalArgumentException naming the accepted strategies when {@code text} is none of them
     */
    @JsonCreator
    public static DecodingStrategy parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "greedy" -> GREEDY;
            case "beam", "beam-search" -> BEAM;
            case "temperature", "sampling" -> TEMPERATURE;
            case "top-p", "topp", "nucleus" -> TOP_P;
            case "top-k", "topk" -> TOP_K;
            case "speculative" -> SPECULATIVE;
            default -> throw new IllegalArgumentException("unknown decoding strategy '" + text + "' (use " + labels() + ")");
        };
    }
}
