package org.llmenergy.energy;

/**
 * GPU state sampled alongside power, at the telemetry interval; a quantity the device does not report is null.
 *
 * @param timeS           seconds since the window's start
 * @param channel         the channel id, for example {@code "gpu0"}
 * @param temperatureC    GPU temperature in °C
 * @param smClockMhz      SM clock in MHz
 * @param gpuUtilization  percent of the last sample period during which a kernel ran
 * @param memUtilization  percent of the last sample period during which memory was read or written
 */
public record TelemetrySample(double timeS, String channel, Integer temperatureC, Integer smClockMhz,
                              Integer gpuUtilization, Integer memUtilization) {}
