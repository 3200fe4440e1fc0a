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

    /**
     * The one check every reader of a whole trace makes, so that statistics and bins agree on an empty trace.
     *
     * @param file the trace, for the message
     * @return this summary
     * @throws IllegalStateException when no request was passed on
     */
    public ReadSummary requireRequests(java.nio.file.Path file) {
        if (requests() == 0) {
            throw new IllegalStateException(file + ": no requests" + (rows > 0
                    ? " left after dropping " + droppedFailed + " failed ones" : " (the file has only a header)"));
        }
        return this;
    }
}
