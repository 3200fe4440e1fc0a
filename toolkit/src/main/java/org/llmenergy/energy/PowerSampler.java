package org.llmenergy.energy;

import java.util.concurrent.locks.LockSupport;

/**
 * The background thread that reads the meter at a fixed rate on the system clock ({@link MeterClock#SYSTEM}).
 * A daemon thread inside the JVM: no helper processes to leak (Zeus #266), nothing to clean up but
 * {@link #stop()}.
 */
final class PowerSampler implements Runnable, MeterClock.Periodic {
    private final Runnable tick;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastFailure;

    PowerSampler(Runnable tick, long intervalNanos, String name) {
        this.tick = tick;
        this.intervalNanos = intervalNanos;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    /** @return the sampling thread (the benchmarks read its CPU time) */
    Thread thread() { return thread; }

    /** @return the message of the last unexpected failure of a tick, or null */
    String lastFailure() { return lastFailure; }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running) {
            next += intervalNanos;
            long wait;
            while (running && (wait = next - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            if (!running) break;
            long late = System.nanoTime() - next;
            if (late > intervalNanos) next += (late / intervalNanos) * intervalNanos; // skip missed ticks, keep phase
            try {
                tick.run();
            } catch (RuntimeException e) {
                // A failed tick leaves a gap in the series, which the window's validity check reports.
                lastFailure = e.toString();
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
