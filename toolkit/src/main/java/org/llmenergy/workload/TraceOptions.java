package org.llmenergy.workload;

/**
 * How to read a trace.
 *
 * @param format        the layout, or null to detect it from the header (and, for Azure, the first time)
 * @param dropFailed    leave out requests with 0 output tokens (BurstGPT's failed requests); they are
 *                      counted in {@link ReadSummary#droppedFailed()}
 * @param inputColumn   for generic CSV/JSONL: the input-token column, or null to look for
 *                      {@code input_tokens, input_length, input_len, prompt_tokens, input}
 * @param outputColumn  for generic CSV/JSONL: the output-token column, or null to look for
 *                      {@code output_tokens, output_length, output_len, completion_tokens, generated_tokens, output}
 * @param arrivalColumn for generic CSV/JSONL: the arrival column (seconds or a date-time), or null to look for
 *                      {@code arrival, arrival_time, timestamp, time}; absent means no arrival times
 */
public record TraceOptions(TraceFormat format, boolean dropFailed, String inputColumn, String outputColumn,
                           String arrivalColumn) {

    /** Detect the format, keep every request. */
    public static final TraceOptions DEFAULT = new TraceOptions(null, false, null, null, null);

    /** @return these options with {@code format} (null: detect) */
    public TraceOptions withFormat(TraceFormat format) {
        return new TraceOptions(format, dropFailed, inputColumn, outputColumn, arrivalColumn);
    }

    /** @return these options with failed (0-output) requests dropped or kept */
    public TraceOptions withDropFailed(boolean drop) {
        return new TraceOptions(format, drop, inputColumn, outputColumn, arrivalColumn);
    }

    /** @return these options with generic input and output column names (null: look for the usual names) */
    public TraceOptions withColumns(String input, String output) {
        return new TraceOptions(format, dropFailed, input, output, arrivalColumn);
    }

    /** @return these options with a generic arrival column name */
    public TraceOptions withArrivalColumn(String arrival) {
        return new TraceOptions(format, dropFailed, inputColumn, outputColumn, arrival);
    }
}
