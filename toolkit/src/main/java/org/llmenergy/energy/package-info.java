/**
 * Energy measurement: the {@link org.llmenergy.energy.EnergyMeter} SPI and its backends — NVML through JNA
 * (cumulative energy counter, cross-checked by integrated instant power), RAPL through powercap sysfs, and a
 * CPU-time estimate that is always labelled as one — plus measurement windows, power sampling, the idle
 * baseline and provenance.
 *
 * <p>Open a meter with {@link org.llmenergy.energy.Meters#auto} or, for work on a known device,
 * {@link org.llmenergy.energy.Meters#forDevice} (the one meter policy, which records every backend it refused and
 * why in {@link org.llmenergy.energy.MeterChoice}); settings come from
 * {@link org.llmenergy.energy.MeterOptions#builder()}. Measure named windows
 * ({@code try (Window w = meter.window("decode")) { … }}), read {@link org.llmenergy.energy.Measurement}s.
 * A figure that could not be obtained is absent with a reason, never 0; every figure carries a
 * {@link org.llmenergy.units.Provenance}. Backends implement {@link org.llmenergy.energy.MeterBackend}; the
 * window engine is shared. {@link org.llmenergy.energy.CommandMeasurement} measures a child command in a process
 * group of its own, forwarding SIGINT and SIGTERM to it and still ending the measurement. A power integral of
 * nothing but 0 W readings is unavailable (a powered device cannot draw 0 W), and a counter that disagrees with
 * the integral beyond the threshold is not valid. Every reading is timed, and every wait and sampling tick
 * scheduled, through one package-private clock seam whose only production implementation is the system clock;
 * the tests put the engine and the fake NVML on one virtual clock instead. Uses {@code units} and
 * {@code hardware} only.
 */
package org.llmenergy.energy;
