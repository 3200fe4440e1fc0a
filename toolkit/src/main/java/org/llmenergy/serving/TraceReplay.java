package org.llmenergy.serving;

import java.util.Arrays;
import java.util.Locale;
import org.llmenergy.workload.Request;
import org.llmenergy.workload.Trace;

/**
 * Feeds a trace to a simulation. Without sorting the trace streams: one pass, memory bounded by the requests the
 * replicas hold. With sorting (a trace whose timestamps are out of order) every request is held first, 16 bytes
 * each, and replayed in stable arrival order.
 */
public final class TraceReplay {
    private TraceReplay() {}

    /**
     * @param sim      the simulator
     * @param trace    the trace
     * @param arrivals when requests arrive
     * @param sort     hold and sort the trace by timestamp first (only with trace arrivals)
     * @return the result
     * @throws IllegalArgumentException naming the file and request when timestamps are out of order (without
     *                                  {@code sort}) or missing (with trace arrivals)
     */
    public static SimulationResult replay(ServingSimulator sim, Trace trace, Arrivals arrivals, boolean sort) {
        ServingSimulator.Run run = sim.start();
        Arrivals.Clock clock = arrivals.clock();
        if (sort && arrivals instanceof Arrivals.FromTrace) {
            Buffer b = new Buffer();
            trace.forEach(q -> b.add(seconds(trace, b.size, q), q.input(), q.output()));
            int[] order = b.order();
            for (int i : order) run.submit(clock.next(b.arrival[i]), b.input[i], b.output[i]);
            return run.finish();
        }
        long[] row = {0};
        Request[] previous = {null};
        trace.forEach(q -> {
            double traceSeconds = arrivals instanceof Arrivals.FromTrace ? seconds(trace, row[0], q) : Double.NaN;
            try {
                run.submit(clock.next(traceSeconds), q.input(), q.output());
            } catch (OutOfOrderArrivalException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: request %d (data row %d, dropped rows not counted): "
                                + "arrival %s is before the previous request's %s; the trace is not in arrival order (give --sort to "
                                + "sort it in memory, 16 bytes per request)", trace.path(), row[0] + 1, row[0] + 1, q.arrival(),
                        previous[0].arrival()), e);
            }
            previous[0] = q;
            row[0]++;
        });
        return run.finish();
    }

    private static double seconds(Trace trace, long row, Request q) {
        if (q.arrival() == null) {
            throw new IllegalArgumentException(trace.path() + ": request " + (row + 1) + " has no arrival time; "
                    + "--arrivals trace needs timestamps (use poisson:RATE or all-at-once)");
        }
        return q.arrivalSeconds().getAsDouble();
    }

    /** Requests held for sorting, in parallel primitive arrays. */
    private static final class Buffer {
        double[] arrival = new double[1024];
        int[] input = new int[1024];
        int[] output = new int[1024];
        int size;

        void add(double a, int in, int out) {
            if (size == arrival.length) {
                if (size == Integer.MAX_VALUE - 8) throw new IllegalArgumentException("--sort holds at most " + size + " requests");
                int n = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size);
                arrival = Arrays.copyOf(arrival, n);
                input = Arrays.copyOf(input, n);
                output = Arrays.copyOf(output, n);
            }
            arrival[size] = a;
            input[size] = in;
            output[size] = out;
            size++;
        }

        /** @return indices in stable arrival order (a merge sort: ties keep the trace's order) */
        int[] order() {
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) idx[i] = i;
            int[] tmp = new int[size];
            for (int width = 1; width < size; width *= 2) {
                for (int lo = 0; lo < size; lo += 2 * width) {
                    int mid = Math.min(lo + width, size), hi = Math.min(lo + 2 * width, size);
                    int i = lo, j = mid, k = lo;
                    while (i < mid && j < hi) tmp[k++] = arrival[idx[j]] < arrival[idx[i]] ? idx[j++] : idx[i++];
                    while (i < mid) tmp[k++] = idx[i++];
                    while (j < hi) tmp[k++] = idx[j++];
                }
                int[] t = idx;
                idx = tmp;
                tmp = t;
            }
            return idx;
        }
    }
}
