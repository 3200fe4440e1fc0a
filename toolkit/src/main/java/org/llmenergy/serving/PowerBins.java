package org.llmenergy.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * Power over time, downsampled: the run is cut into at most {@value #MAX_BINS} equal bins; when a busy span reaches
 * past the last bin, neighbouring bins merge pairwise and the width doubles, so memory stays fixed however long the
 * trace. Busy energy is spread over the bins a span covers in proportion to time (the span's mean power); idle power
 * fills each replica's remaining time.
 */
public final class PowerBins {
    /** Upper bound on bins kept. */
    public static final int MAX_BINS = 512;

    private final double[] busyJoules = new double[MAX_BINS];
    private final double[] busySeconds = new double[MAX_BINS];
    private double width;

    /** @param initialWidthSeconds bin width to start with, in seconds */
    PowerBins(double initialWidthSeconds) { this.width = initialWidthSeconds; }

    /** Adds a busy span of one replica: [start, start + seconds) drawing {@code joules}. */
    void addBusy(double start, double seconds, double joules) {
        if (seconds <= 0) return;
        double end = start + seconds;
        while (end > MAX_BINS * width) coarsen();
        double watts = joules / seconds;
        int first = (int) (start / width);
        int last = Math.min(MAX_BINS - 1, (int) (end / width));
        for (int i = first; i <= last; i++) {
            double overlap = Math.min(end, (i + 1) * width) - Math.max(start, i * width);
            if (overlap <= 0) continue;
            busySeconds[i] += overlap;
            busyJoules[i] += watts * overlap;
        }
    }

    private void coarsen() {
        for (int i = 0; i < MAX_BINS / 2; i++) {
            busyJoules[i] = busyJoules[2 * i] + busyJoules[2 * i + 1];
            busySeconds[i] = busySeconds[2 * i] + busySeconds[2 * i + 1];
        }
        for (int i = MAX_BINS / 2; i < MAX_BINS; i++) {
            busyJoules[i] = 0;
            busySeconds[i] = 0;
        }
        width *= 2;
    }

    /**
     * @param makespan  the simulated span, in seconds
     * @param replicas  replicas in the run
     * @param idleWatts one replica's idle power, in watts
     * @return one point per bin up to the makespan
     */
    List<PowerPoint> points(double makespan, int replicas, double idleWatts) {
        List<PowerPoint> out = new ArrayList<>();
        for (int i = 0; i < MAX_BINS && i * width < makespan; i++) {
            double w = Math.min(width, makespan - i * width);
            double idle = Math.max(0, replicas * w - busySeconds[i]) * idleWatts;
            out.add(new PowerPoint(i * width, w, (busyJoules[i] + idle) / w));
        }
        return out;
    }

    /**
     * One bin of the series.
     *
     * @param startSeconds bin start, seconds from the first arrival
     * @param widthSeconds bin width, in seconds
     * @param watts        mean power of all replicas over the bin, in watts
     */
    public record PowerPoint(double startSeconds, double widthSeconds, double watts) {}
}
