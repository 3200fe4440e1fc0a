package org.llmenergy.energy;

/**
 * An open measurement window. Closing it (try-with-resources) ends it; {@link #measurement()} then holds
 * the result. Windows may nest and overlap; each has its own start reading.
 */
public interface Window extends AutoCloseable {
    /** @return the window's name */
    String name();

    /** @return true until the window is ended or cancelled */
    boolean isOpen();

    /**
     * Ends the window: calls the sync hook, reads the meter and assembles the measurement.
     *
     * @return the measurement
     * @throws IllegalStateException if the window was already ended or cancelled
     */
    Measurement end();

    /** Discards the window without a measurement. Does nothing if it is no longer open. */
    void cancel();

    /**
     * @return the measurement of an ended window
     * @throws IllegalStateException if the window is still open or was cancelled
     */
    Measurement measurement();

    /** Ends the window if it is still open. */
    @Override
    void close();
}
