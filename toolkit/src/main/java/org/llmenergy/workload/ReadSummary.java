package org.llmenergy.workload;

/**
 * What one pass over a trace saw.
 *
 * @param rows          data rows in the file (header and blank lines excluded)
 * @param droppedFailed rows left out because their output was 0 tokens and failed requests were to be
 *                      dropped (BurstGPT marks a failure so); 0 when not asked
 */
public record ReadSummary(long rows, long droppedFailed) {
    /** @return requests passed on: rows minus those dropped */
    public long requests() { return rows - droppedFailed; }
}
