package org.llmenergy.estimate.calibrated;

/** How requests are batched. */
public sealed interface Serving {

    /**
     * Continuous batching at steady state (vLLM), with at most {@code maxNumSeqs} running sequences.
     *
     * @param maxNumSeqs the engine's {@code max_num_seqs}
     */
    record Continuous(int maxNumSeqs) implements Serving {
        public Continuous {
            if (maxNumSeqs <= 0) throw new IllegalArgumentException("max-num-seqs must be > 0, got " + maxNumSeqs);
        }
    }

    /**
     * Static batches of {@code batch} equal requests, prefilled together and decoded to the end: the paper's offline
     * setting.
     *
     * @param batch requests per batch
     */
    record Static(int batch) implements Serving {
        public Static {
            if (batch <= 0) throw new IllegalArgumentException("batch must be > 0, got " + batch);
        }
    }

    /** @return continuous batching with this {@code max_num_seqs} */
    static Serving continuous(int maxNumSeqs) { return new Continuous(maxNumSeqs); }

    /** @return static batches of this size */
    static Serving staticBatch(int batch) { return new Static(batch); }

    /** @return a short description, for example {@code "continuous, max_num_seqs 64"} */
    default String describe() {
        if (this instanceof Continuous c) return "continuous batching, max_num_seqs " + c.maxNumSeqs();
        return "static batches of " + ((Static) this).batch();
    }
}
