package org.llmenergy.experiment.results;

/**
 * One batch size tried while looking for the largest that fits.
 *
 * @param batch sequences tried
 * @param fits  true when one full-length batch ran
 * @param error the out-of-memory message when it did not fit, else null
 */
public record ProbeAttempt(int batch, boolean fits, String error) {}
