package org.llmenergy.estimate;

/** How a bin's request count N turns into a number of batches of size B. */
public enum BatchCounting {
    /**
     * N / B, the paper's formula (Fernandez et al., ACL 2025, eq. in section 4.2): a partly filled last batch is
     * charged pro rata, as if its requests shared full batches.
     */
    EXACT,
    /** ceil(N / B): the partly filled last batch costs a full batch (static batching of what is left). */
    CEIL;

    /**
     * @param requests  N
     * @param batchSize B
     * @return the number of batches
     */
    public double batches(long requests, int batchSize) {
        return this == EXACT ? (double) requests / batchSize : Math.ceil((double) requests / batchSize);
    }
}
