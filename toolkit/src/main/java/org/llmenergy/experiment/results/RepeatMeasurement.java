package org.llmenergy.experiment.results;

/**
 * One measured repeat of a cell: the two raw runs as the executor reported them and every figure derived
 * from them.
 *
 * @param batchSize     sequences per batch actually run
 * @param batches       batches per run
 * @param examples      requests per run, {@code batchSize × batches}
 * @param inputTokens   prompt tokens per request, I
 * @param outputTokens  generated tokens per request, O
 * @param warmupBatches warm-up batches run before the cell's first measured repeat in this process
 * @param prefillRun    the raw prefill run (one generated token per request)
 * @param fullRun       the raw full run (O generated tokens per request)
 * @param energy        derived energies
 * @param throughput    speed of the full run
 */
public record RepeatMeasurement(int batchSize, int batches, int examples, int inputTokens, int outputTokens,
                          int warmupBatches, CellRun prefillRun, CellRun fullRun, PhaseEnergies energy,
                          Throughput throughput) {}
