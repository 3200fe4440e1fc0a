package org.llmenergy.estimate.paper;

import org.llmenergy.units.Provenance;

/**
 * One row of the paper's Table 1 (input lengths) or Table 2 (output lengths), in tokens.
 *
 * @param dataset    the trace, as the paper names it
 * @param mean       mean length
 * @param std        standard deviation
 * @param median     median
 * @param p99        99th percentile
 * @param provenance {@code paper-published} with the table's citation
 */
public record PublishedLengthRow(String dataset, double mean, double std, double median, double p99, Provenance provenance) {}
