package org.llmenergy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.MeterKind;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import org.llmenergy.energy.Window;

/**
 * CPU cost of the power-sampling thread at 10, 50 and 100 ms, against the fake NVML (the real JNA binding),
 * with a window open the whole time so every reading is kept. Baseline, same run: a thread that wakes at the
 * same interval and does nothing, i.e. the cost of the wake-ups alone. Goal: under 1 % of one core at 100 ms.
 *
 * <p>Usage: {@code SamplingOverhead [seconds per interval, default 5] [GPUs, default 1]}
 */
public final class SamplingOverhead {
    private SamplingOverhead() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int gpus = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < gpus; i++) {
            script.append("device uuid=GPU-bench-").append(i).append(" name=\"Fake H100\" arch=9 power=0:300 period_ms=100\n");
        }
        String lib = FakeNvmlLoader.load(script.toString());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "sampling-thread CPU cost, fake NVML, %d GPU(s), %.1f s per interval (%d CPUs)%n",
                gpus, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-12s %14s %14s %10s %16s%n", "interval", "sampler %core", "baseline %core",
                "ratio", "net us/sample");
        for (int ms : new int[] {10, 50, 100}) {
            MeterOptions o = MeterOptions.builder().optNvmlLibrary(lib).optCudaVisibleDevices(null)
                    .optSamplingIntervalS(ms / 1000.0).optCounterProbeS(0).build();
            double samplerCore;
            double baselineCore;
            try (EnergyMeter meter = Meters.open(MeterKind.NVML, o)) {
                Thread sampler = findThread("llm-energy-sampler-nvml");
                Window w = meter.window("bench", true);
                long cpu0 = threads.getThreadCpuTime(sampler.getId());
                long t0 = System.nanoTime();
                Thread.sleep(Math.round(seconds * 1000));
                long cpu1 = threads.getThreadCpuTime(sampler.getId());
                long t1 = System.nanoTime();
                w.end();
                samplerCore = (double) (cpu1 - cpu0) / (t1 - t0);
            }
            baselineCore = idleWaker(ms, seconds, threads);
            double samples = seconds * 1000 / ms;
            System.out.printf(Locale.ROOT, "%-12s %13.3f%% %13.3f%% %10.2f %16.1f%n", ms + " ms", 100 * samplerCore,
                    100 * baselineCore, samplerCore / baselineCore,
                    (samplerCore - baselineCore) * seconds * 1e6 / samples);
        }
    }

    /** @return the CPU share of one core used by a thread that only wakes every {@code ms} */
    private static double idleWaker(int ms, double seconds, ThreadMXBean threads) throws InterruptedException {
        long interval = ms * 1_000_000L;
        long[] cpu = new long[1];
        long[] wall = new long[1];
        Thread t = new Thread(() -> {
            long c0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long next = start;
            long end = start + Math.round(seconds * 1e9);
            while (next < end) {
                next += interval;
                long wait;
                while ((wait = next - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            }
            cpu[0] = threads.getCurrentThreadCpuTime() - c0;
            wall[0] = System.nanoTime() - start;
        }, "baseline-waker");
        t.start();
        t.join();
        return (double) cpu[0] / wall[0];
    }

    private static Thread findThread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread named " + name));
    }
}
