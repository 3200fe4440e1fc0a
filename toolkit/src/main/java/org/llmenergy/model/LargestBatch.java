package org.llmenergy.model;

import java.util.OptionalInt;

/**
 * The largest batch of (I, O) requests that fits a device under stated {@link MemoryAssumptions}.
 *
 * @param inputTokens  prompt length I
 * @param outputTokens generated tokens O
 * @param batchSize    the largest batch, or empty when not even one sequence fits
 * @param limit        what stopped the batch from growing
 * @param footprint    the footprint at {@code batchSize} (at batch 1 when nothing fits)
 * @param explanation  one line saying why, with the numbers
 */
public record LargestBatch(int inputTokens, int outputTokens, OptionalInt batchSize, Limit limit,
                           MemoryFootprint footprint, String explanation) {

    /** What limits the batch. */
    public enum Limit {
        /** The next larger batch would exceed the memory budget. */
        MEMORY,
        /** The batch reached the assumptions' {@code maxBatch}. */
        CAP,
        /** A single sequence does not fit. */
        NOTHING_FITS
    }
}
