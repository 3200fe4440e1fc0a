package org.llmenergy.energy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The energy-measurement SPI every backend shares. A meter is opened by {@link Meters}, samples in a
 * background daemon thread while open, and measures named windows:
 *
 * <pre>{@code
 * try (EnergyMeter meter = Meters.auto(MeterOptions.defaults())) {
 *     meter.measureIdle(5);                        // optional: enables net-of-idle figures
 *     Window w = meter.window("decode");
 *     try (w) {
 *         ... work ...
 *     }                                            // closing ends the window
 *     Measurement m = w.measurement();             // or: meter.begin("decode"); ...; m = meter.end("decode")
 * }
 * }</pre>
 *
 * Implementations are thread-safe: windows may be begun and ended from any thread.
 */
public interface EnergyMeter extends AutoCloseable {

    /** @return the backend in use */
    MeterKind kind();

    /** @return why this backend was chosen (and, for {@code auto}, why the others were not) */
    MeterChoice choice();

    /** @return one description per channel, for example {@code "gpu0 GPU-6f1c…: NVIDIA H100 80GB HBM3"} */
    List<String> channels();

    /** @return the power sampling interval in seconds, 0 when only window edges are read */
    double samplingIntervalS();

    /** Begins a window; equivalent to {@link #begin(String)}. */
    default Window window(String name) { return begin(name, false); }

    /** Begins a window that keeps its power time series (and telemetry) when {@code keepSeries}. */
    default Window window(String name, boolean keepSeries) { return begin(name, keepSeries); }

    /** Begins a window without a power time series. */
    default Window begin(String name) { return begin(name, false); }

    /**
     * Begins a window: calls the sync hook, then reads every channel.
     *
     * @param name       unique among open windows
     * @param keepSeries whether the measurement should include the power time series
     * @return the open window
     * @throws IllegalStateException if a window of that name is open, or the meter is closed
     */
    Window begin(String name, boolean keepSeries);

    /**
     * Ends the open window of that name.
     *
     * @return its measurement
     * @throws IllegalStateException if no window of that name is open
     */
    Measurement end(String name);

    /** Discards the open window of that name; does nothing if there is none. */
    void cancel(String name);

    /** @return the names of the open windows */
    Set<String> openWindows();

    /**
     * Measures idle power: a window of {@code seconds} in which the calling thread sleeps. The result becomes
     * this meter's baseline, so later measurements carry net-of-idle figures.
     *
     * @param seconds how long to measure, > 0
     * @return the baseline
     */
    IdleBaseline measureIdle(double seconds);

    /** Uses a baseline measured earlier (by this or an identical meter) for net-of-idle figures. */
    void useIdleBaseline(IdleBaseline baseline);

    /** @return the current idle baseline, if any */
    Optional<IdleBaseline> idleBaseline();

    /** Replaces the hook called at window edges ({@link SyncHook#NONE} to disable). */
    void setSyncHook(SyncHook hook);

    /** Stops sampling and releases the backend (NVML shutdown). Open windows are discarded. */
    @Override
    void close();
}
