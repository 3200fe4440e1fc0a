package org.llmenergy.workload;

/**
 * The number of requests of a trace that fall into one (input, output) length bin.
 *
 * @param inputBin  the input bin's upper edge I*, in tokens
 * @param outputBin the output bin's upper edge O*, in tokens
 * @param requests  requests in the bin, N(I*, O*)
 */
public record BinCount(int inputBin, int outputBin, long requests) {}
