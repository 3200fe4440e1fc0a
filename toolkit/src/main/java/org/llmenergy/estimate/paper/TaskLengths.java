package org.llmenergy.estimate.paper;

import org.llmenergy.units.Provenance;

/**
 * One row of the paper's Table 3: a classical NLP task's tokenised input lengths and fixed output length.
 *
 * @param task         task name
 * @param dataset      dataset name
 * @param inputMean    mean input length, in tokens
 * @param inputStd     standard deviation of input length, in tokens
 * @param inputMax     longest input, in tokens
 * @param outputTokens tokens generated per example
 * @param provenance   {@code paper-published}, Table 3
 */
public record TaskLengths(String task, String dataset, double inputMean, double inputStd, int inputMax, int outputTokens,
                          Provenance provenance) {}
