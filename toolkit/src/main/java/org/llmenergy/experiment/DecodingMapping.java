package org.llmenergy.experiment;

import java.util.function.Function;
import org.llmenergy.inference.ModelSource;

/** Turns a spec's decoding strategy into the inference engine's. */
final class DecodingMapping {
    /** Default sampling temperature when a top-p spec names none. */
    private static final double DEFAULT_TEMPERATURE = 1.0;

    private DecodingMapping() {}

    /**
     * @param d      the spec's decoding
     * @param models resolves a draft model name
     * @return the engine's decoding
     * @throws IllegalArgumentException for a strategy the engine does not implement (top-k)
     */
    static org.llmenergy.inference.Decoding toInference(Decoding d, Function<String, ModelSource> models) {
        return switch (d.strategy()) {
            case Decoding.GREEDY -> new org.llmenergy.inference.Decoding.Greedy();
            case Decoding.BEAM -> new org.llmenergy.inference.Decoding.Beam(d.beamWidth());
            case Decoding.TEMPERATURE -> new org.llmenergy.inference.Decoding.Temperature(d.temperature());
            case Decoding.TOP_P -> new org.llmenergy.inference.Decoding.TopP(d.topP(),
                    d.temperature() == null ? DEFAULT_TEMPERATURE : d.temperature());
            case Decoding.SPECULATIVE -> {
                ModelSource draft = models.apply(d.draftModel());
                Double rate = d.acceptanceRate();
                if (draft instanceof ModelSource.RandomWeights && rate == null) {
                    throw new IllegalArgumentException("speculative decoding with random-weight models needs "
                            + "decoding.acceptanceRate (random drafts are never accepted for real)");
                }
                yield new org.llmenergy.inference.Decoding.Speculative(draft, d.lookahead(), rate,
                        d.temperature() == null ? 0 : d.temperature());
            }
            default -> throw new IllegalArgumentException("the djl engine does not implement decoding '"
                    + d.strategy() + "'");
        };
    }
}
