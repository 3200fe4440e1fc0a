package org.llmenergy.energy;

import java.util.Arrays;

/**
 * The readings taken since the oldest open window began, in primitive arrays so that sampling does not
 * allocate. Every reading has a sequence number; windows remember the numbers of their edge readings.
 */
final class SampleHistory {
    private final int channels;
    private long firstSeq;
    private int size;
    private long[] nanos = new long[64];
    private double[] cumJ;
    private double[] powerW;
    private double[] averageW;
    private int[] resets;

    SampleHistory(int channels) {
        this.channels = channels;
        cumJ = new double[64 * channels];
        powerW = new double[64 * channels];
        averageW = new double[64 * channels];
        resets = new int[64 * channels];
    }

    /** Appends one reading; the arrays hold one value per channel. @return its sequence number */
    long append(long t, double[] cum, double[] power, double[] average, int[] resetCounts) {
        if (size == nanos.length) grow();
        nanos[size] = t;
        int base = size * channels;
        System.arraycopy(cum, 0, cumJ, base, channels);
        System.arraycopy(power, 0, powerW, base, channels);
        System.arraycopy(average, 0, averageW, base, channels);
        System.arraycopy(resetCounts, 0, resets, base, channels);
        size++;
        return firstSeq + size - 1;
    }

    private void grow() {
        int capacity = nanos.length * 2;
        nanos = Arrays.copyOf(nanos, capacity);
        cumJ = Arrays.copyOf(cumJ, capacity * channels);
        powerW = Arrays.copyOf(powerW, capacity * channels);
        averageW = Arrays.copyOf(averageW, capacity * channels);
        resets = Arrays.copyOf(resets, capacity * channels);
    }

    /** @return the sequence number of the newest reading, or -1 when empty */
    long lastSeq() { return size == 0 ? -1 : firstSeq + size - 1; }

    /** @return the monotonic time of the oldest reading kept, or Long.MAX_VALUE when empty */
    long firstNanos() { return size == 0 ? Long.MAX_VALUE : nanos[0]; }

    /** Forgets readings older than {@code seq}. */
    void dropBefore(long seq) {
        int drop = (int) Math.min(size, Math.max(0, seq - firstSeq));
        if (drop == 0) return;
        int keep = size - drop;
        System.arraycopy(nanos, drop, nanos, 0, keep);
        System.arraycopy(cumJ, drop * channels, cumJ, 0, keep * channels);
        System.arraycopy(powerW, drop * channels, powerW, 0, keep * channels);
        System.arraycopy(averageW, drop * channels, averageW, 0, keep * channels);
        System.arraycopy(resets, drop * channels, resets, 0, keep * channels);
        firstSeq += drop;
        size = keep;
    }

    /** @return a copy of the readings {@code from} to {@code to}, both inclusive */
    Slice copy(long from, long to) {
        int a = (int) (from - firstSeq);
        int b = (int) (to - firstSeq);
        if (a < 0 || b >= size || a > b) {
            throw new IllegalStateException("readings " + from + ".." + to + " are no longer kept (have "
                    + firstSeq + ".." + lastSeq() + ")");
        }
        int n = b - a + 1;
        return new Slice(channels, Arrays.copyOfRange(nanos, a, b + 1),
                Arrays.copyOfRange(cumJ, a * channels, (a + n) * channels),
                Arrays.copyOfRange(powerW, a * channels, (a + n) * channels),
                Arrays.copyOfRange(averageW, a * channels, (a + n) * channels),
                Arrays.copyOfRange(resets, a * channels, (a + n) * channels));
    }

    /** The readings of one window; value arrays are row-major, one row per reading. */
    record Slice(int channels, long[] nanos, double[] cumJ, double[] powerW, double[] averageW, int[] resets) {
        int size() { return nanos.length; }

        double cum(int i, int c) { return cumJ[i * channels + c]; }

        double power(int i, int c) { return powerW[i * channels + c]; }

        double average(int i, int c) { return averageW[i * channels + c]; }

        int resets(int i, int c) { return resets[i * channels + c]; }
    }
}
