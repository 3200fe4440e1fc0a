package org.llmenergy.experiment.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.llmenergy.inference.Decoding;
import org.llmenergy.inference.ModelSource;

/**
 * A decoding strategy and its hyperparameters, as a sweep spec, a results file or {@code llm-energy run} states
 * them; {@link #toInference} turns it into the engine's {@link Decoding}. The paper (digest §2.3) compares greedy,
 * beam search, temperature sampling, top-p sampling and speculative decoding with γ = 4 draft tokens; it does not
 * give beam width, temperature or p, so a spec must state them. Parameters a strategy does not use are null.
 *
 * @param strategy    the strategy
 * @param beamWidth   beams, for {@code beam}
 * @param temperature softmax temperature, for {@code temperature} (and optionally the samplers)
 * @param topP        nucleus mass in (0, 1], for {@code top-p}
 * @param topK        candidates kept, for {@code top-k}
 * @param draftModel  the draft model (preset or directory), for {@code speculative}
 * @param lookahead   draft tokens per step γ, for {@code speculative}; null there means
 *                    {@link Decoding.Speculative#DEFAULT_GAMMA}
 * @param seed        sampling seed, for the sampling strategies; null leaves it to the engine
 * @param acceptanceRate for {@code speculative} with a random-weight draft: the probability that a drafted token
 *                    is accepted (random drafts are never accepted for real); null with checkpoint weights
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecodingSpec(DecodingStrategy strategy, Integer beamWidth, Double temperature, Double topP, Integer topK,
                           String draftModel, Integer lookahead, Long seed, Double acceptanceRate) {
    /** Greedy decoding, the default. */
    public static final DecodingSpec GREEDY = new DecodingSpec(DecodingStrategy.GREEDY, null, null, null, null, null,
            null, null, null);
    /** Sampling temperature of top-p when the spec names none. */
    public static final double DEFAULT_TEMPERATURE = 1.0;

    public DecodingSpec {
        Objects.requireNonNull(strategy, "strategy");
        // The paper's speculative decoding looks ahead γ = 4 draft tokens (digest §2.3).
        if (strategy == DecodingStrategy.SPECULATIVE && lookahead == null) lookahead = Decoding.Speculative.DEFAULT_GAMMA;
        String missing = strategy.requiredParameter();
        if (missing != null && parameters(beamWidth, temperature, topP, topK, draftModel, lookahead, seed).get(missing) == null) {
            throw new IllegalArgumentException("decoding '" + strategy.label() + "' needs " + missing);
        }
        Map<String, String> bad = problems(beamWidth, temperature, topP, topK, lookahead, acceptanceRate);
        if (!bad.isEmpty()) {
            Map.Entry<String, String> first = bad.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + " " + first.getValue());
        }
    }

    /**
     * The range problems of the given parameters (null ones are not checked), by parameter name; the rules are
     * {@link Decoding}'s.
     *
     * @return parameter name → what is wrong with it, empty when all are allowed
     */
    public static Map<String, String> problems(Integer beamWidth, Double temperature, Double topP, Integer topK,
                                               Integer lookahead, Double acceptanceRate) {
        Map<String, String> out = new LinkedHashMap<>();
        if (beamWidth != null) put(out, "beamWidth", Decoding.countProblem(beamWidth));
        if (temperature != null) put(out, "temperature", Decoding.temperatureProblem(temperature));
        if (topP != null) put(out, "topP", Decoding.topPProblem(topP));
        if (topK != null) put(out, "topK", Decoding.countProblem(topK));
        if (lookahead != null) put(out, "lookahead", Decoding.countProblem(lookahead));
        if (acceptanceRate != null) put(out, "acceptanceRate", Decoding.acceptanceRateProblem(acceptanceRate));
        return out;
    }

    private static void put(Map<String, String> out, String key, String problem) {
        if (problem != null) out.put(key, problem);
    }

    /** @return the parameters that are set, in declaration order (the acceptance rate is not part of it) */
    public Map<String, Object> parameters() {
        return parameters(beamWidth, temperature, topP, topK, draftModel, lookahead, seed);
    }

    private static Map<String, Object> parameters(Integer beamWidth, Double temperature, Double topP, Integer topK,
                                                  String draftModel, Integer lookahead, Long seed) {
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
        if (p.isEmpty()) return strategy.label();
        return strategy.label() + p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * The engine's decoding for this spec; the one mapping, used by sweeps and by {@code llm-energy run}.
     * Top-p without a temperature samples at {@link #DEFAULT_TEMPERATURE}; speculative decoding without a
     * temperature verifies greedily.
     *
     * @param models resolves a draft model name
     * @return the engine's decoding
     * @throws IllegalArgumentException for a strategy the engine does not implement (top-k), or a random-weight
     *                                  draft without an acceptance rate
     */
    public Decoding toInference(Function<String, ModelSource> models) {
        return switch (strategy) {
            case GREEDY -> new Decoding.Greedy();
            case BEAM -> new Decoding.Beam(beamWidth);
            case TEMPERATURE -> new Decoding.Temperature(temperature);
            case TOP_P -> new Decoding.TopP(topP, temperature == null ? DEFAULT_TEMPERATURE : temperature);
            case SPECULATIVE -> {
                ModelSource draft = models.apply(draftModel);
                if (draft instanceof ModelSource.RandomWeights && acceptanceRate == null) {
                    throw new IllegalArgumentException("speculative decoding with random-weight models needs "
                            + "an acceptance rate (decoding.acceptanceRate in a spec, --acceptance-rate for run): random "
                            + "drafts are never accepted for real");
                }
                yield new Decoding.Speculative(draft, lookahead, acceptanceRate, temperature == null ? 0 : temperature);
            }
            case TOP_K -> throw new IllegalArgumentException("the djl engine does not implement decoding '"
                    + strategy.label() + "'");
        };
    }
}
