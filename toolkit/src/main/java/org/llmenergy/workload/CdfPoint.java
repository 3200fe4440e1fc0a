package org.llmenergy.workload;

/**
 * One point of a cumulative distribution of token lengths.
 *
 * @param tokens   a length, tokens
 * @param fraction the fraction of requests with a length ≤ {@code tokens}, in [0, 1]
 */
public record CdfPoint(int tokens, double fraction) {}
