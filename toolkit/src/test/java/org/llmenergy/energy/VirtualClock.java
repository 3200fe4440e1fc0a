package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A {@link MeterClock} that moves only when the test says so. Periodic sampling runs on the test's own thread:
 * {@link #advance} steps through every tick that falls due, in order, so a window holds exactly the readings
 * its length implies however slow or busy the machine is. Use it from one thread. A tick that throws fails the
 * test at once (the system clock's sampler would note the failure and go on).
 */
final class VirtualClock implements MeterClock {
    /** Where virtual time starts: positive, because the meter reads 0 as "never" for a lost channel's time. */
    static final long START_NANOS = 1_000_000_000L;
    private static final double START_EPOCH_S = 1.7e9;

    private final LongConsumer onChange;
    private final List<Task> tasks = new ArrayList<>();
    private long now = START_NANOS;

    /** A clock that only the meter reads. */
    VirtualClock() {
        this(t -> { });
    }

    /** @param onChange told every new time in nanoseconds, first the start (to move another clock in step) */
    VirtualClock(LongConsumer onChange) {
        this.onChange = onChange;
        onChange.accept(now);
    }

    @Override public long nanoTime() { return now; }

    @Override public double epochS() { return START_EPOCH_S + (now - START_NANOS) / 1e9; }

    /** Sleeping is advancing: what the meter waits for (an idle window, the counter probe) takes no real time. */
    @Override public void sleep(long nanos) { advance(nanos); }

    @Override
    public Periodic every(long intervalNanos, Runnable tick, String name) {
        if (intervalNanos <= 0) throw new IllegalArgumentException("interval must be > 0 ns: " + intervalNanos);
        Task t = new Task(intervalNanos, tick, now + intervalNanos);
        tasks.add(t);
        return () -> tasks.remove(t);
    }

    /** Moves time on by {@code ms} milliseconds, running each sampling tick at its due time on the way. */
    void advanceMs(long ms) { advance(ms * 1_000_000L); }

    /** Moves time on by {@code nanos}, running each sampling tick at its due time on the way. */
    void advance(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("time cannot go back: " + nanos + " ns");
        long until = now + nanos;
        for (Task due = nextDue(until); due != null; due = nextDue(until)) {
            set(due.next);
            due.next += due.interval;
            due.tick.run();
        }
        set(until);
    }

    /** Moves time on to {@code t} (nanoseconds on this clock) if it is not already past it. */
    void advanceTo(long t) {
        if (t > now) advance(t - now);
    }

    private Task nextDue(long until) {
        Task first = null;
        for (Task t : tasks) if (t.next <= until && (first == null || t.next < first.next)) first = t;
        return first;
    }

    private void set(long t) {
        now = t;
        onChange.accept(t);
    }

    private static final class Task {
        final long interval;
        final Runnable tick;
        long next;

        Task(long interval, Runnable tick, long next) {
            this.interval = interval;
            this.tick = tick;
            this.next = next;
        }
    }
}
