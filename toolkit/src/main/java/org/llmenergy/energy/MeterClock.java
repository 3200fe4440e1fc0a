package org.llmenergy.energy;

import java.util.concurrent.locks.LockSupport;

/**
 * Where the window engine reads time and how it waits: the clock seam under every meter. Meters opened
 * through the public {@link Meters} methods always run on {@link #SYSTEM}, the JVM's monotonic clock with a
 * sampling thread; tests in this package pass a virtual clock that moves only when the test advances it, so
 * a window lasts exactly as long as the test says, whatever the machine is doing.
 */
interface MeterClock {
    /** The real clock: {@link System#nanoTime}, {@link System#currentTimeMillis} and a {@link PowerSampler} thread. */
    MeterClock SYSTEM = new MeterClock() {
        @Override public long nanoTime() { return System.nanoTime(); }

        @Override public double epochS() { return System.currentTimeMillis() / 1e3; }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            // parkNanos, not Thread.sleep: the counter probe waits half a millisecond, below sleep's resolution
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
                if (Thread.interrupted()) throw new InterruptedException();
                LockSupport.parkNanos(left);
            }
        }

        @Override
        public Periodic every(long intervalNanos, Runnable tick, String name) {
            PowerSampler sampler = new PowerSampler(tick, intervalNanos, name);
            sampler.start();
            return sampler;
        }
    };

    /** @return monotonic time in nanoseconds (an arbitrary origin; only differences mean anything) */
    long nanoTime();

    /** @return wall-clock time in seconds since the Unix epoch, to anchor monotonic readings */
    double epochS();

    /** Waits {@code nanos} nanoseconds of this clock's time. */
    void sleep(long nanos) throws InterruptedException;

    /**
     * Calls {@code tick} every {@code intervalNanos} of this clock's time, first one interval from now,
     * until the returned handle is stopped.
     *
     * @param name what to call the sampling (the system clock's thread name)
     */
    Periodic every(long intervalNanos, Runnable tick, String name);

    /** A running periodic task. */
    interface Periodic {
        /** Stops it; no tick starts after this returns. */
        void stop();
    }
}
