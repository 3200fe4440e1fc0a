package org.llmenergy.workload;

/**
 * Summary statistics of a set of token lengths, as the paper's Tables 1 and 2 report them (plus count, min
 * and max). Percentiles use the linear interpolation between order statistics that is numpy's default
 * ({@code numpy.percentile(..., method="linear")}, Hyndman and Fan type 7): for n sorted values x₀…x₍ₙ₋₁₎
 * and a fraction p, h = p·(n−1), and the percentile is x⌊h⌋ + (h−⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * @param count  number of requests
 * @param mean   mean length, tokens
 * @param std    SAMPLE standard deviation (divisor n−1), tokens; NaN when count &lt; 2 (undefined)
 * @param median the 50th percentile, tokens
 * @param p99    the 99th percentile, tokens
 * @param min    shortest length, tokens
 * @param max    longest length, tokens
 */
public record LengthStats(long count, double mean, double std, double median, double p99, int min, int max) {}
