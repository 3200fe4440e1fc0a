package org.llmenergy.energy;

import java.util.Objects;

/**
 * A power time series of one channel inside one window.
 *
 * @param channel  the channel id, for example {@code "gpu0"} or {@code "package-0"}
 * @param quantity what was read: {@code "instant"} (NVML_FI_DEV_POWER_INSTANT), {@code "average-1s"}
 *                 (NVML's 1-second moving average), {@code "usage"} (nvmlDeviceGetPowerUsage) or
 *                 {@code "derived"} (energy-counter differences between consecutive samples, at the midpoint)
 * @param timeS    seconds since the window's start
 * @param watts    power in watts, same length as {@code timeS}
 */
public record PowerSeries(String channel, String quantity, double[] timeS, double[] watts) {
    public PowerSeries {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(quantity, "quantity");
        if (timeS.length != watts.length) {
            throw new IllegalArgumentException("power series " + channel + ": " + timeS.length + " times but "
                    + watts.length + " values");
        }
        timeS = timeS.clone();
        watts = watts.clone();
    }

    /** @return the number of points */
    public int size() { return timeS.length; }

    @Override public double[] timeS() { return timeS.clone(); }

    @Override public double[] watts() { return watts.clone(); }
}
