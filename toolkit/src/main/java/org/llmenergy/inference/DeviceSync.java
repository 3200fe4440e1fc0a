package org.llmenergy.inference;

/**
 * Waits until the device has finished all work queued so far. On a CPU, where the PyTorch engine runs every
 * operation synchronously, it does nothing; on a GPU it reads a scalar back to the host, which waits for the
 * stream the engine queues its kernels on. Use it at the edges of a measurement window.
 */
@FunctionalInterface
public interface DeviceSync extends Runnable {
    /** The synchronisation for a device that runs everything synchronously. */
    DeviceSync NONE = () -> { };

    /** Blocks until queued device work has finished. */
    @Override
    void run();
}
