package org.llmenergy.energy;

import java.util.Arrays;

/**
 * What one read of a backend returned, per channel: the raw counter, power, or why not. The meter reuses one
 * instance (reads are serialised), so a backend fills it without allocating. Part of the backend SPI.
 */
public final class ChannelReadings {
    final long[] counter;
    final boolean[] counterOk;
    final double[] powerW;
    final double[] averagePowerW;
    final String[] error;
    final boolean[] lost;

    /** @param channels the number of channels */
    public ChannelReadings(int channels) {
        counter = new long[channels];
        counterOk = new boolean[channels];
        powerW = new double[channels];
        averagePowerW = new double[channels];
        error = new String[channels];
        lost = new boolean[channels];
        clear();
    }

    /** Forgets the previous read. */
    void clear() {
        Arrays.fill(counterOk, false);
        Arrays.fill(powerW, Double.NaN);
        Arrays.fill(averagePowerW, Double.NaN);
        Arrays.fill(error, null);
        Arrays.fill(lost, false);
    }

    /** Records a raw counter value (in the channel's unit; unsigned for 64-bit counters). */
    public void counter(int channel, long raw) {
        counter[channel] = raw;
        counterOk[channel] = true;
    }

    /** Records the power reading the integral uses, in watts. */
    public void power(int channel, double watts) { powerW[channel] = watts; }

    /** Records a secondary, averaged power reading (NVML's 1-s average), in watts. */
    public void averagePower(int channel, double watts) { averagePowerW[channel] = watts; }

    /** Records that a read of the channel failed this time, and why. */
    public void failed(int channel, String reason) { error[channel] = reason; }

    /** Records that the device is gone for good (for example NVML_ERROR_GPU_IS_LOST), and why. */
    public void lost(int channel, String reason) {
        lost[channel] = true;
        error[channel] = reason;
    }
}
