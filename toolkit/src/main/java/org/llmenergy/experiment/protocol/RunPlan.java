package org.llmenergy.experiment.protocol;

/**
 * What one call of {@link CellExecutor#execute} must do: {@code batches} batches of {@code batchSize}
 * requests, each request exactly {@code inputTokens} prompt tokens long and generating exactly
 * {@code outputTokens} tokens (end-of-sequence ignored).
 *
 * @param purpose       why the protocol runs it
 * @param batchSize     requests per batch
 * @param batches       batches, run back to back
 * @param inputTokens   prompt tokens per request
 * @param outputTokens  generated tokens per request: 1 for {@link Purpose#PREFILL}, the cell's O otherwise
 * @param measureEnergy whether the executor must measure the run's energy (one window around all batches)
 * @param phaseWindows  whether it must also measure prefill and decode in separate windows (summed over batches)
 */
public record RunPlan(Purpose purpose, int batchSize, int batches, int inputTokens, int outputTokens,
                      boolean measureEnergy, boolean phaseWindows) {

    /** Why a run happens. */
    public enum Purpose {
        /** One batch to find out whether a batch size fits in memory; nothing is measured. */
        PROBE,
        /** Warm-up batches (allocation, JIT, graph capture); nothing is measured. */
        WARMUP,
        /** The prefill run: every request generates one token. Measured. */
        PREFILL,
        /** The full run: every request generates the cell's O tokens. Measured, optionally with phase windows. */
        FULL
    }

    public RunPlan {
        if (batchSize <= 0 || batches <= 0 || inputTokens <= 0 || outputTokens <= 0) {
            throw new IllegalArgumentException("run plan needs positive sizes, got " + batchSize + " x " + batches
                    + " batches, I=" + inputTokens + ", O=" + outputTokens);
        }
        if (phaseWindows && !measureEnergy) throw new IllegalArgumentException("phase windows need measureEnergy");
    }

    /** @return requests in the run: {@code batchSize × batches} */
    public int examples() { return batchSize * batches; }

    /** @return prompt tokens the run processes */
    public long plannedInputTokens() { return (long) examples() * inputTokens; }

    /** @return tokens the run generates */
    public long plannedOutputTokens() { return (long) examples() * outputTokens; }
}
