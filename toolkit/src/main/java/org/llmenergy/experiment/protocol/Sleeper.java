package org.llmenergy.experiment.protocol;

/** Waits; the protocol's cooldowns go through it so that tests need not wait. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper REAL = seconds -> Thread.sleep(Math.round(seconds * 1000));

    /**
     * @param seconds how long, seconds
     * @throws InterruptedException when interrupted
     */
    void sleep(double seconds) throws InterruptedException;
}
