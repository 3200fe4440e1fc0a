package org.llmenergy.bench;

import java.util.Locale;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.MeterKind;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import org.llmenergy.energy.Window;

/**
 * Cost of a window's open and close (each edge reads every channel; the close also assembles the
 * measurement), against the fake NVML through the real JNA binding, with the 100-ms sampler running.
 * Baseline, same run: an empty try-with-resources block. Goal: under 50 µs per edge.
 *
 * <p>Usage: {@code WindowEdgeCost [windows, default 20000] [GPUs, default 1]}
 */
public final class WindowEdgeCost {
    private WindowEdgeCost() {}

    private static final class Nothing implements AutoCloseable {
        static int closed;

        @Override
        public void close() { closed++; }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int gpus = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < gpus; i++) {
            script.append("device uuid=GPU-bench-").append(i).append(" name=\"Fake H100\" arch=9 power=0:300 period_ms=100\n");
        }
        String lib = FakeNvmlLoader.load(script.toString());
        MeterOptions o = MeterOptions.builder().optNvmlLibrary(lib).optCudaVisibleDevices(null).optCounterProbeS(0).build();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o)) {
            for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT; the last is reported
                long base = time(n, () -> {
                    try (Nothing x = new Nothing()) {
                        Nothing.closed += x.hashCode() & 0;
                    }
                });
                long pair = time(n, () -> {
                    try (Window w = meter.window("edge")) {
                        Nothing.closed += w.name().length() & 0;
                    }
                });
                long beginCancel = time(n, () -> meter.begin("edge").cancel());
                if (round < 2) continue;
                double edgeUs = pair / 2.0 / n / 1e3;
                System.out.printf(Locale.ROOT, "window edges, fake NVML, %d GPU(s), %d windows, 100-ms sampler running%n",
                        gpus, n);
                System.out.printf(Locale.ROOT, "baseline empty try-with-resources: %10.3f us per block%n", base / 1e3 / n);
                System.out.printf(Locale.ROOT, "window open+close:                 %10.3f us per window (%.3f us per edge)%n",
                        pair / 1e3 / n, edgeUs);
                System.out.printf(Locale.ROOT, "window open+cancel:                %10.3f us per window%n", beginCancel / 1e3 / n);
                System.out.printf(Locale.ROOT, "ratio window / baseline:           %10.1f%n", (double) pair / base);
                System.out.printf(Locale.ROOT, "goal < 50 us per edge:             %s%n", edgeUs < 50 ? "met" : "NOT met");
            }
        }
    }

    private static long time(int n, Runnable r) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) r.run();
        return System.nanoTime() - t0;
    }
}
