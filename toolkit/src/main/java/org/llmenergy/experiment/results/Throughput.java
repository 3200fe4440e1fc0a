package org.llmenergy.experiment.results;

/**
 * Speed of the full run; null values where the run took no measurable time.
 *
 * @param requestsPerS     requests completed per second
 * @param outputTokensPerS generated tokens per second
 * @param inputTokensPerS  prompt tokens processed per second
 * @param batchLatencyS    mean wall time per batch, seconds
 */
public record Throughput(Double requestsPerS, Double outputTokensPerS, Double inputTokensPerS, Double batchLatencyS) {}
