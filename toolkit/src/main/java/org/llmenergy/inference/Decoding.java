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

    // The range rules of decoding parameters, stated once: these records, sweep specs and the CLI all apply them.
    // Each returns null when the value is allowed, else what is wrong ("must be ..., got ...").

    /** @return null when a sampling temperature {@code t} is allowed (&gt; 0), else the problem */
    static String temperatureProblem(double t) { return t > 0 ? null : "must be > 0, got " + t; }

    /** @return null when a nucleus mass {@code p} is allowed (in (0, 1]), else the problem */
    static String topPProblem(double p) { return p > 0 && p <= 1 ? null : "must be in (0, 1], got " + p; }

    /** @return null when a count (beams, candidates, draft tokens) is allowed (&gt;= 1), else the problem */
    static String countProblem(long n) { return n >= 1 ? null : "must be >= 1, got " + n; }

    /** @return null when an acceptance probability {@code r} is allowed (in [0, 1]), else the problem */
    static String acceptanceRateProblem(double r) { return r >= 0 && r <= 1 ? null : "must be in [0, 1], got " + r; }

    private static void require(String name, String problem) {
        if (problem != null) throw new IllegalArgumentException(name + " " + problem);
    }

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
            require("temperature", temperatureProblem(temperature));
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
            require("top-p", topPProblem(p));
            require("temperature", temperatureProblem(temperature));
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
            require("beam width", countProblem(width));
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
            require("gamma", countProblem(gamma));
            if (acceptanceRate != null) require("acceptance rate", acceptanceRateProblem(acceptanceRate));
            if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }

        @Override
        public String label() {
            return "speculative(gamma=" + gamma + (acceptanceRate == null ? "" : ",acceptance=" + acceptanceRate)
                    + (temperature > 0 ? ",t=" + temperature : "") + ")";
        }
    }
}
