package org.llmenergy.energy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The window engine every backend shares: it reads the backend at window edges and on every sampling tick,
 * keeps the readings while a window needs them, and turns a window's readings into a {@link Measurement}.
 */
final class WindowedMeter implements EnergyMeter {
    private final MeterBackend backend;
    private final MeterChoice choice;
    private final List<Channel> channels;
    private final int n;
    private final double intervalS;
    private final double disagreementThreshold;
    private final ReentrantLock lock = new ReentrantLock();
    private final ChannelReadings readings;
    private final CounterAccumulator[] accumulators;
    private final CounterPeriodTracker[] periods;
    private final long[] lostAt;
    private final String[] lostReason;
    private final String[] lastError;
    private final double[] cumScratch;
    private final double[] powerScratch;
    private final double[] averageScratch;
    private final int[] resetScratch;
    private final SampleHistory history;
    private final List<TelemetrySample> telemetry = new ArrayList<>();
    private final Map<String, OpenWindow> open = new LinkedHashMap<>();
    private final long anchorNanos;
    private final double anchorEpochS;
    private final long telemetryEvery;
    private final MeterClock clock;
    private final MeterClock.Periodic sampler;
    private long ticks;
    private volatile SyncHook syncHook;
    private volatile IdleBaseline baseline;
    private volatile boolean closed;

    WindowedMeter(MeterBackend backend, MeterOptions options, MeterChoice choice) {
        this(backend, options, choice, MeterClock.SYSTEM);
    }

    /** @param clock where readings are timed and sampling is scheduled (tests pass a virtual clock) */
    WindowedMeter(MeterBackend backend, MeterOptions options, MeterChoice choice, MeterClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.choice = Objects.requireNonNull(choice, "choice");
        this.channels = List.copyOf(backend.channels());
        this.n = channels.size();
        if (n == 0) {
            backend.close();
            throw new MeterUnavailableException(backend.kind(), "the backend has no channels to measure");
        }
        this.intervalS = options.samplingIntervalS();
        this.disagreementThreshold = options.disagreementThreshold();
        this.syncHook = options.syncHook();
        this.readings = new ChannelReadings(n);
        this.accumulators = new CounterAccumulator[n];
        this.periods = new CounterPeriodTracker[n];
        for (int c = 0; c < n; c++) {
            Channel ch = channels.get(c);
            accumulators[c] = new CounterAccumulator(ch.wrapModulus(), ch.joulesPerUnit(), ch.maxPlausibleWatts());
            periods[c] = new CounterPeriodTracker(ch.counterPeriodS(), ch.periodIsLowerBound());
        }
        this.lostAt = new long[n];
        this.lostReason = new String[n];
        this.lastError = new String[n];
        this.cumScratch = new double[n];
        this.powerScratch = new double[n];
        this.averageScratch = new double[n];
        this.resetScratch = new int[n];
        this.history = new SampleHistory(n);
        this.anchorNanos = clock.nanoTime();
        this.anchorEpochS = clock.epochS();
        this.telemetryEvery = intervalS > 0 && options.telemetryIntervalS() > 0
                ? Math.max(1, Math.round(options.telemetryIntervalS() / intervalS)) : 0;
        lock.lock();
        try {
            sampleLocked(); // the first reading seeds the counters' accumulators
        } finally {
            lock.unlock();
        }
        if (intervalS > 0) {
            sampler = clock.every(Math.round(intervalS * 1e9), this::tick,
                    "llm-energy-sampler-" + backend.kind().label());
        } else {
            sampler = null;
        }
    }

    @Override public MeterKind kind() { return backend.kind(); }

    @Override public MeterChoice choice() { return choice; }

    @Override
    public List<String> channels() {
        return channels.stream().map(c -> c.id() + " " + c.description()).toList();
    }

    @Override public double samplingIntervalS() { return intervalS; }

    /** @return the sampling thread, or null when sampling is off or on a virtual clock (for the overhead benchmark) */
    Thread samplerThread() { return sampler instanceof PowerSampler p ? p.thread() : null; }

    /** One sampling tick: read, and forget what no window needs. */
    void tick() {
        lock.lock();
        try {
            if (closed) return;
            long seq = sampleLocked();
            ticks++;
            if (telemetryEvery > 0 && ticks % telemetryEvery == 0 && !open.isEmpty()) {
                telemetry.addAll(backend.readTelemetry(clock.nanoTime() / 1e9));
            }
            if (open.isEmpty()) {
                history.dropBefore(seq);
                telemetry.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reads every channel once and appends the reading. Caller holds the lock. @return its sequence number */
    private long sampleLocked() {
        readings.clear();
        long t = clock.nanoTime();
        backend.read(readings);
        for (int c = 0; c < n; c++) {
            if (readings.lost[c] && lostAt[c] == 0) {
                lostAt[c] = t;
                lostReason[c] = readings.error[c];
            }
            if (readings.error[c] != null) lastError[c] = readings.error[c];
            if (readings.counterOk[c] && lostAt[c] == 0) {
                cumScratch[c] = accumulators[c].update(readings.counter[c], t);
                periods[c].observe(readings.counter[c], t);
            } else {
                cumScratch[c] = Double.NaN;
            }
            powerScratch[c] = lostAt[c] == 0 ? readings.powerW[c] : Double.NaN;
            averageScratch[c] = lostAt[c] == 0 ? readings.averagePowerW[c] : Double.NaN;
            resetScratch[c] = accumulators[c].resets();
        }
        return history.append(t, cumScratch, powerScratch, averageScratch, resetScratch);
    }

    @Override
    public Window begin(String name, boolean keepSeries) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a window needs a non-blank name");
        if (closed) throw new IllegalStateException("the " + kind().label() + " meter is closed");
        syncHook.synchronize();
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("the " + kind().label() + " meter is closed");
            if (open.containsKey(name)) {
                throw new IllegalStateException("window '" + name + "' is already open; end or cancel it first");
            }
            OpenWindow w = new OpenWindow(this, name, keepSeries, sampleLocked());
            open.put(name, w);
            return w;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Measurement end(String name) {
        OpenWindow w;
        lock.lock();
        try {
            w = open.get(name);
        } finally {
            lock.unlock();
        }
        if (w == null) throw new IllegalStateException("no open window named '" + name + "'; open: " + openWindows());
        return w.end();
    }

    Measurement end(OpenWindow w) {
        syncHook.synchronize();
        SampleHistory.Slice slice;
        List<TelemetrySample> tel;
        MeterContext ctx;
        lock.lock();
        try {
            if (open.get(w.name()) != w) {
                throw new IllegalStateException("window '" + w.name() + "' is no longer open");
            }
            if (closed) throw new IllegalStateException("the " + kind().label() + " meter is closed");
            long seq = sampleLocked();
            open.remove(w.name());
            slice = history.copy(w.startSeq, seq);
            tel = w.keepSeries ? telemetryBetween(slice.nanos()[0], slice.nanos()[slice.size() - 1]) : List.of();
            ctx = snapshotLocked();
            pruneLocked();
        } finally {
            lock.unlock();
        }
        return MeasurementAssembler.assemble(w.name(), w.keepSeries, slice, tel, ctx);
    }

    private List<TelemetrySample> telemetryBetween(long t0, long t1) {
        double from = t0 / 1e9;
        double to = t1 / 1e9;
        List<TelemetrySample> out = new ArrayList<>();
        for (TelemetrySample s : telemetry) {
            if (s.timeS() >= from && s.timeS() <= to) {
                out.add(new TelemetrySample(s.timeS() - from, s.channel(), s.temperatureC(), s.smClockMhz(),
                        s.gpuUtilization(), s.memUtilization()));
            }
        }
        return out;
    }

    private MeterContext snapshotLocked() {
        double[] p = new double[n];
        boolean[] lower = new boolean[n];
        for (int c = 0; c < n; c++) {
            p[c] = periods[c].periodS();
            lower[c] = periods[c].isLowerBound();
        }
        return new MeterContext(kind(), backend.driver(), channels, intervalS, disagreementThreshold,
                backend.details(), backend.caveats(), choice, anchorNanos, anchorEpochS, p, lower,
                lostAt.clone(), lostReason.clone(), lastError.clone(), baseline);
    }

    private void pruneLocked() {
        long keepFrom = history.lastSeq();
        for (OpenWindow w : open.values()) keepFrom = Math.min(keepFrom, w.startSeq);
        history.dropBefore(keepFrom);
        double oldest = history.firstNanos() / 1e9;
        telemetry.removeIf(s -> s.timeS() < oldest);
    }

    @Override
    public void cancel(String name) {
        lock.lock();
        try {
            OpenWindow w = open.remove(name);
            if (w != null) w.cancelled = true;
            pruneLocked();
        } finally {
            lock.unlock();
        }
    }

    void cancel(OpenWindow w) {
        lock.lock();
        try {
            if (open.get(w.name()) == w) open.remove(w.name());
            w.cancelled = true;
            pruneLocked();
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen(OpenWindow w) {
        lock.lock();
        try {
            return open.get(w.name()) == w;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<String> openWindows() {
        lock.lock();
        try {
            return new LinkedHashSet<>(open.keySet());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public IdleBaseline measureIdle(double seconds) {
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException("idle measurement needs 0 < seconds <= 3600, was " + seconds);
        }
        String name = "idle-baseline";
        for (int i = 2; openWindows().contains(name); i++) name = "idle-baseline-" + i;
        Window w = begin(name, false);
        try {
            clock.sleep(Math.round(seconds * 1e9));
        } catch (InterruptedException e) {
            w.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring idle power", e);
        }
        Measurement m = w.end();
        Map<String, Double> watts = new HashMap<>();
        Map<String, String> missing = new HashMap<>();
        for (DeviceEnergy d : m.devices()) {
            if (d.gross().isPresent()) {
                watts.put(d.channel(), d.gross().joules() / m.durationS());
            } else {
                missing.put(d.channel(), d.gross().missingReason());
            }
        }
        IdleBaseline b = new IdleBaseline(watts, missing, m);
        baseline = b;
        return b;
    }

    @Override
    public void useIdleBaseline(IdleBaseline b) {
        Objects.requireNonNull(b, "baseline");
        if (b.measurement().meter() != kind()) {
            throw new IllegalArgumentException("idle baseline was measured with the " + b.measurement().meter().label()
                    + " meter, this is the " + kind().label() + " meter");
        }
        baseline = b;
    }

    @Override public Optional<IdleBaseline> idleBaseline() { return Optional.ofNullable(baseline); }

    @Override public void setSyncHook(SyncHook hook) { syncHook = hook == null ? SyncHook.NONE : hook; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (sampler != null) sampler.stop();
        lock.lock();
        try {
            for (OpenWindow w : open.values()) w.cancelled = true;
            open.clear();
            backend.close();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "EnergyMeter[" + kind().label() + ", channels=" + channels() + ", interval=" + intervalS + " s]";
    }

    /** An open window: the sequence number of its start reading, and its result once ended. */
    static final class OpenWindow implements Window {
        private final WindowedMeter meter;
        private final String name;
        final boolean keepSeries;
        final long startSeq;
        volatile boolean cancelled;
        private volatile Measurement result;

        OpenWindow(WindowedMeter meter, String name, boolean keepSeries, long startSeq) {
            this.meter = meter;
            this.name = name;
            this.keepSeries = keepSeries;
            this.startSeq = startSeq;
        }

        @Override public String name() { return name; }

        @Override public boolean isOpen() { return result == null && !cancelled && meter.isOpen(this); }

        @Override
        public synchronized Measurement end() {
            if (result != null) throw new IllegalStateException("window '" + name + "' was already ended");
            if (cancelled) throw new IllegalStateException("window '" + name + "' was cancelled");
            result = meter.end(this);
            return result;
        }

        @Override public void cancel() { if (result == null) meter.cancel(this); }

        @Override
        public Measurement measurement() {
            if (result != null) return result;
            throw new IllegalStateException(cancelled ? "window '" + name + "' was cancelled"
                    : "window '" + name + "' is still open; close or end it first");
        }

        @Override
        public synchronized void close() {
            if (result == null && !cancelled && meter.isOpen(this)) end();
        }

        @Override public String toString() { return "Window[" + name + (isOpen() ? ", open]" : "]"); }
    }
}
