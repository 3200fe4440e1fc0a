package org.llmenergy.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A decoding strategy and its hyperparameters. The paper (digest §2.3) compares greedy, beam search,
 * temperature sampling, top-p sampling and speculative decoding with γ = 4 draft tokens; it does not give
 * beam width, temperature or p, so a spec must state them. Parameters a strategy does not use are null.
 *
 * @param strategy    one of {@link #STRATEGIES}
 * @param beamWidth   beams, for {@code beam}
 * @param temperature softmax temperature, for {@code temperature} (and optionally the samplers)
 * @param topP        nucleus mass in (0, 1], for {@code top-p}
 * @param topK        candidates kept, for {@code top-k}
 * @param draftModel  the draft model (preset or directory), for {@code speculative}
 * @param lookahead   draft tokens per step γ, for {@code speculative}
 * @param seed        sampling seed, for the sampling strategies; null leaves it to the engine
 * @param acceptanceRate for {@code speculative} with random weights: the probability that a drafted token is
 *                    accepted (random drafts are never accepted for real); null with checkpoint weights
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decoding(String strategy, Integer beamWidth, Double temperature, Double topP, Integer topK,
                       String draftModel, Integer lookahead, Long seed, Double acceptanceRate) {
    public static final String GREEDY = "greedy";
    public static final String BEAM = "beam";
    public static final String TEMPERATURE = "temperature";
    public static final String TOP_P = "top-p";
    public static final String TOP_K = "top-k";
    public static final String SPECULATIVE = "speculative";
    /** Every strategy a spec may name. */
    public static final Set<String> STRATEGIES = Set.of(GREEDY, BEAM, TEMPERATURE, TOP_P, TOP_K, SPECULATIVE);
    /** Greedy decoding, the default. */
    public static final Decoding GREEDY_DECODING = new Decoding(GREEDY, null, null, null, null, null, null, null, null);

    public Decoding {
        Objects.requireNonNull(strategy, "strategy");
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("unknown decoding strategy '" + strategy + "'; known: "
                    + STRATEGIES.stream().sorted().toList());
        }
        String missing = switch (strategy) {
            case BEAM -> beamWidth == null ? "beamWidth" : null;
            case TEMPERATURE -> temperature == null ? "temperature" : null;
            case TOP_P -> topP == null ? "topP" : null;
            case TOP_K -> topK == null ? "topK" : null;
            case SPECULATIVE -> draftModel == null ? "draftModel" : lookahead == null ? "lookahead" : null;
            default -> null;
        };
        if (missing != null) throw new IllegalArgumentException("decoding '" + strategy + "' needs " + missing);
        if (beamWidth != null && beamWidth <= 0) throw new IllegalArgumentException("beamWidth must be > 0");
        if (temperature != null && !(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0");
        if (topP != null && !(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP must be in (0, 1]");
        if (topK != null && topK <= 0) throw new IllegalArgumentException("topK must be > 0");
        if (lookahead != null && lookahead <= 0) throw new IllegalArgumentException("lookahead must be > 0");
        if (acceptanceRate != null && !(acceptanceRate >= 0 && acceptanceRate <= 1)) {
            throw new IllegalArgumentException("acceptanceRate must be in [0, 1]");
        }
    }

    /** @return the parameters that are set, in declaration order */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (beamWidth != null) p.put("beamWidth", beamWidth);
        if (temperature != null) p.put("temperature", temperature);
        if (topP != null) p.put("topP", topP);
        if (topK != null) p.put("topK", topK);
        if (draftModel != null) p.put("draftModel", draftModel);
        if (lookahead != null) p.put("lookahead", lookahead);
        if (seed != null) p.put("seed", seed);
        return p;
    }

    /** @return a stable key such as {@code greedy} or {@code beam(beamWidth=4)} */
    public String key() {
        Map<String, Object> p = parameters();
        if (p.isEmpty()) return strategy;
        return strategy + p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "(", ")"));
    }
}
