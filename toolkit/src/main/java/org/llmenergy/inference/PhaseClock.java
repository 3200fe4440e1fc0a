package org.llmenergy.inference;

/**
 * Times the phases of one run and tells the listener about their edges. At a start edge the device is synced,
 * the listener told, then the clock started; at an end edge the device is synced, the clock stopped, then the
 * listener told. So listener time never counts as inference time, and no queued work leaks across an edge.
 */
final class PhaseClock {
    private final PhaseListener listener;
    private final DeviceSync sync;
    private long startNanos;
    private Phase running;

    PhaseClock(PhaseListener listener, DeviceSync sync) {
        this.listener = listener;
        this.sync = sync;
    }

    /** Opens a phase. */
    void start(Phase phase) {
        if (running != null) throw new IllegalStateException(running + " is still running");
        sync.run();
        listener.onPhase(phase, Phase.Edge.START);
        running = phase;
        startNanos = System.nanoTime();
    }

    /** @return the phase's duration, in seconds */
    double end(Phase phase) {
        if (running != phase) throw new IllegalStateException("ending " + phase + " while " + running + " runs");
        sync.run();
        long now = System.nanoTime();
        running = null;
        listener.onPhase(phase, Phase.Edge.END);
        return (now - startNanos) / 1e9;
    }
}
