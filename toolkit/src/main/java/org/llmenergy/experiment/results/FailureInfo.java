package org.llmenergy.experiment.results;

/**
 * Why a cell failed.
 *
 * @param kind      {@link org.llmenergy.experiment.protocol.CellFailure.Kind} name, for example {@code OUT_OF_MEMORY}
 * @param stage     where: {@code probe}, {@code warmup}, {@code prefill} or {@code full}
 * @param batch     the batch size being run, or null
 * @param repeat    the repeat being run, or null before the first
 * @param message   the error message
 * @param exception the class of the underlying exception, or null
 */
public record FailureInfo(String kind, String stage, Integer batch, Integer repeat, String message, String exception) {}
