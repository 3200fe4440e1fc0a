package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.IdlePower;

/**
 * Measures idle power (the seam to the energy package's idle baseline). The protocol calls it once per sweep
 * process, before the first cell, with nothing running.
 */
@FunctionalInterface
public interface IdleProbe {
    /**
     * @param seconds how long to measure, seconds (> 0)
     * @return the mean idle power, or {@link IdlePower#missing} with a reason
     * @throws InterruptedException when interrupted while measuring
     */
    IdlePower measure(double seconds) throws InterruptedException;

    /** @return a baseline that never measures, giving {@code reason} */
    static IdleProbe unavailable(String reason) { return seconds -> IdlePower.missing(reason); }
}
