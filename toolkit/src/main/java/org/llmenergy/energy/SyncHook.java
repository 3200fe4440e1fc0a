package org.llmenergy.energy;

/**
 * Called at both edges of every window, before the meter reads its counters, so that work queued on an
 * asynchronous device is inside the window it belongs to (pitfall 6 in measurement-and-anchors.md; Zeus's
 * {@code sync_execution_with}). The inference layer passes one that waits for the GPU stream.
 */
@FunctionalInterface
public interface SyncHook {
    /** A hook that does nothing, for CPU work, which is synchronous. */
    SyncHook NONE = () -> {};

    /** Blocks until all work submitted so far has finished. */
    void synchronize();
}
