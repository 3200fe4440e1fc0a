package org.llmenergy.estimate;

import org.llmenergy.model.RequestFlops;

/**
 * One bin's part of the theoretical baseline.
 *
 * @param inputBin   I*, in tokens
 * @param outputBin  O*, in tokens
 * @param requests   N(I*, O*)
 * @param perRequest FLOPs of one request at (I*, O*)
 * @param joules     N x FLOPs x TDP / peak, in joules
 */
public record BinFlops(int inputBin, int outputBin, long requests, RequestFlops perRequest, double joules) {}
