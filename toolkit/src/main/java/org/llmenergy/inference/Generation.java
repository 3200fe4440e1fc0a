package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;

/**
 * What a decoding strategy produced in one run.
 *
 * @param prefillSeconds time to first token, s
 * @param decodeSeconds  time for the remaining tokens, s
 * @param tokens         int64 {@code [batch, output]}, owned by the run's manager
 * @param speculative    speculative statistics, or null
 */
record Generation(double prefillSeconds, double decodeSeconds, NDArray tokens, SpeculativeStats speculative) {
}
