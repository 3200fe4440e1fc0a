package org.llmenergy.workload;

/**
 * Requests longer than the largest bin, by reason.
 *
 * @param inputOnly  input above the last input edge, output within the output bins
 * @param outputOnly output above the last output edge, input within the input bins
 * @param both       both above their last edges
 */
public record OverflowCounts(long inputOnly, long outputOnly, long both) {
    /** No overflow. */
    public static final OverflowCounts NONE = new OverflowCounts(0, 0, 0);

    /** @return all overflowing requests */
    public long total() { return inputOnly + outputOnly + both; }
}
