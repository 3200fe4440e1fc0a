package org.llmenergy.inference;

import java.util.Objects;

/**
 * How output tokens are chosen. Every strategy produces exactly the requested number of output tokens per
 * sequence: end-of-sequence tokens are not treated specially, so a run's cost depends only on its lengths.
 */
public sealed interface Decoding
        permits Decoding.Greedy, Decoding.Temperature, Decoding.TopP, Decoding.Beam, Decoding.Speculative {

    /** @return a short label for results, for example {@code "top-p(p=0.9,t=1.0)"} */
    String label();

    /** Greedy decoding: the most likely token each step. */
    record Greedy() implements Decoding {
        @Override
        public String label() { return "greedy"; }
    }

    /**
     * Sampling from the softmax of the logits divided by a temperature.
     *
     * @param temperature &gt; 0
     */
    record Temperature(double temperature) implements Decoding {
        public Temperature {
            if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }

        @Override
        public String label() { return "temperature(t=" + temperature + ")"; }
    }

    /**
     * Nucleus sampling: sampling from the smallest set of most likely tokens whose probability reaches {@code p}.
     *
     * @param p           in (0, 1]
     * @param temperature &gt; 0, applied before the nucleus is chosen
     */
    record TopP(double p, double temperature) implements Decoding {
        public TopP {
            if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1], got " + p);
            if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }

        @Override
        public String label() { return "top-p(p=" + p + ",t=" + temperature + ")"; }
    }

    /**
     * Beam search with {@code width} beams per sequence, scored by summed log-probability (all beams have the
     * same length, so no length penalty applies). The prompt is prefilled once per sequence and its KV cache
     * copied to the beams.
     *
     * @param width &gt;= 1; width 1 is greedy decoding
     */
    record Beam(int width) implements Decoding {
        public Beam {
            if (width < 1) throw new IllegalArgumentException("beam width must be >= 1, got " + width);
        }

        @Override
        public String label() { return "beam(k=" + width + ")"; }
    }

    /**
     * Speculative decoding: a draft model proposes {@code gamma} tokens, the target model scores them all in one
     * forward pass and keeps a prefix.
     *
     * <p>With checkpoint weights the proposal is verified for real: greedily (the kept tokens are exactly the
     * target's greedy tokens) when {@code temperature} is 0, or by rejection sampling (Leviathan et al. 2023,
     * Chen et al. 2023) at that temperature otherwise. With random weights a real draft would almost never be
     * accepted, so acceptance is simulated instead: each proposed token is accepted with probability
     * {@code acceptanceRate} (seeded), one draw per round for the whole batch, which keeps the compute pattern
     * of a draft of that quality. The result records which of the two happened.
     *
     * <p>In a batch, every sequence keeps the shortest accepted prefix of the round so the batch stays aligned.
     *
     * @param draft          the draft model; its vocabulary must match the target's
     * @param gamma          tokens proposed per round (the paper uses 4)
     * @param acceptanceRate per-token acceptance probability in [0, 1] for random weights; null with checkpoint weights
     * @param temperature    0 for greedy verification, &gt; 0 for rejection sampling at that temperature
     */
    record Speculative(ModelSource draft, int gamma, Double acceptanceRate, double temperature) implements Decoding {
        /** The paper's lookahead. */
        public static final int DEFAULT_GAMMA = 4;

        public Speculative {
            Objects.requireNonNull(draft, "draft");
            if (gamma < 1) throw new IllegalArgumentException("gamma must be >= 1, got " + gamma);
            if (acceptanceRate != null && !(acceptanceRate >= 0 && acceptanceRate <= 1)) {
                throw new IllegalArgumentException("acceptance rate must be in [0, 1], got " + acceptanceRate);
            }
            if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }

        @Override
        public String label() {
            return "speculative(gamma=" + gamma + (acceptanceRate == null ? "" : ",acceptance=" + acceptanceRate)
                    + (temperature > 0 ? ",t=" + temperature : "") + ")";
        }
    }
}
