package org.llmenergy.energy;

import java.nio.file.Path;

/** Busy time of every CPU of the machine, from {@code /proc/stat}. */
final class MachineCpuTime implements CpuTimeSource {
    private final Path stat;
    private final long ticks;

    MachineCpuTime(Path procRoot, long ticks) {
        this.stat = procRoot.resolve("stat");
        this.ticks = ticks;
        cpuNanos(); // fail now, not on the first window, when the file is missing or malformed
    }

    @Override
    public long cpuNanos() {
        return Procfs.parseMachineBusy(Procfs.read(stat), stat) * 1_000_000_000L / ticks;
    }

    @Override public String describe() { return "busy time of all CPUs of the machine (" + stat + ")"; }

    @Override public double resolutionS() { return 1.0 / ticks; }
}
