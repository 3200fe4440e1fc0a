package org.llmenergy.energy;

import java.lang.management.ManagementFactory;

/** This JVM's CPU time, all threads, through {@code com.sun.management.OperatingSystemMXBean} (nanoseconds). */
final class JvmCpuTime implements CpuTimeSource {
    private final com.sun.management.OperatingSystemMXBean os;

    JvmCpuTime() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)
                || bean.getProcessCpuTime() < 0) {
            throw new MeterUnavailableException(MeterKind.CPU_ESTIMATE, "this JVM does not report its process CPU time");
        }
        this.os = bean;
    }

    @Override public long cpuNanos() { return os.getProcessCpuTime(); }

    @Override public String describe() { return "CPU time of this JVM (pid " + ProcessHandle.current().pid() + ")"; }

    @Override public double resolutionS() { return Double.NaN; }
}
