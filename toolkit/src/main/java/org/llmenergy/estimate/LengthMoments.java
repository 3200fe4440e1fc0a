package org.llmenergy.estimate;

/**
 * The moments of a workload's request lengths that a continuously batched server's steady state depends on.
 * Token counts are in tokens; means are over requests.
 *
 * @param requests      number of requests (> 0)
 * @param meanInput     E[I]
 * @param meanOutput    E[O]
 * @param meanInputTimesOutput E[I x O]
 * @param meanOutputSquared    E[O^2]
 */
public record LengthMoments(long requests, double meanInput, double meanOutput, double meanInputTimesOutput,
                            double meanOutputSquared) {

    public LengthMoments {
        if (requests <= 0) throw new IllegalArgumentException("a workload needs at least one request, got " + requests);
        if (!(meanInput > 0) || !(meanOutput > 0)) {
            throw new IllegalArgumentException("mean input and output must be > 0, got " + meanInput + ", " + meanOutput);
        }
    }

    /** @return the moments of a single (I, O) pair repeated */
    public static LengthMoments of(int input, int output) {
        return new LengthMoments(1, input, output, (double) input * output, (double) output * output);
    }

    /**
     * The time-averaged context length of a decode slot at steady state: each request occupies a slot for its O
     * decode steps with context I + t, t = 1..O, so the mean is (E[I O] + E[O (O + 1) / 2]) / E[O].
     *
     * @return the mean context length seen by a decode step, in tokens
     */
    public double meanDecodeContext() {
        return (meanInputTimesOutput + 0.5 * (meanOutputSquared + meanOutput)) / meanOutput;
    }

    /** Accumulates moments from (input, output, count) triples. */
    public static final class Accumulator {
        private long n;
        private double sumI, sumO, sumIO, sumOO;

        /** Adds {@code count} requests of the given lengths. */
        public Accumulator add(int input, int output, long count) {
            n += count;
            sumI += (double) input * count;
            sumO += (double) output * count;
            sumIO += (double) input * output * count;
            sumOO += (double) output * output * count;
            return this;
        }

        /** @return the moments so far */
        public LengthMoments moments() {
            return new LengthMoments(n, sumI / n, sumO / n, sumIO / n, sumOO / n);
        }
    }
}
