package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.hardware.CpuCatalog;
import org.llmenergy.units.Provenance.Source;

/** The CPU-time estimate over the real JVM and over fake procfs trees. */
class CpuEstimateMeterTest {
    private static final String EPYC_7763 = "AMD EPYC 7763 64-Core Processor";
    private static final double W_7763 = 280.0 / 128;

    @TempDir
    Path proc;

    private MeterOptions fakeProc(CpuScope scope) {
        return MeterOptions.builder().optProcRoot(proc).optCpuScope(scope).optCpuModel(EPYC_7763)
                .optSamplingIntervalS(0).build();
    }

    private void write(String file, String text) throws IOException {
        Path p = proc.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String pidStat(long pid, String comm, long ppid, long utime, long stime, long cutime, long cstime) {
        return pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194304 100 0 0 0 " + utime + " " + stime + " "
                + cutime + " " + cstime + " 20 0 1 0 100 1000 10 18446744073709551615\n";
    }

    private static String machineStat(long user, long nice, long system, long idle, long iowait, long irq,
                                      long softirq, long steal) {
        return "cpu  " + user + " " + nice + " " + system + " " + idle + " " + iowait + " " + irq + " " + softirq
                + " " + steal + " 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n";
    }

    @Test
    void machineScopeCountsBusyTicksTimesWattsPerThread() throws IOException {
        write("stat", machineStat(1000, 10, 500, 90000, 300, 5, 7, 40));
        long ticks = Procfs.clockTicks();
        VirtualClock clock = new VirtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, fakeProc(CpuScope.MACHINE), clock)) {
            Window w = meter.window("work");
            clock.advanceMs(20); // longer than one clock tick, which the window must span to resolve anything
            // +200 user, +30 system, +10 softirq busy; idle, iowait and steal do not count
            write("stat", machineStat(1200, 10, 530, 95000, 900, 5, 17, 90));
            Measurement m = w.end();
            double expected = 240.0 / ticks * W_7763;
            assertEquals(expected, m.total().joulesOrThrow(), 1e-9);
            assertEquals(Source.CPU_TIME_ESTIMATE, m.provenance().source());
            assertTrue(m.total().isEstimate());
            assertTrue(m.reasons().get(0).startsWith("estimate, not a measurement"), m.reasons().toString());
            assertEquals("AMD EPYC 7763", m.provenance().details().get("catalogMatch"));
            assertEquals("machine", m.provenance().details().get("cpuScope"));
        }
    }

    @Test
    void childrenScopeCountsLiveDescendantsAndReapedChildrenOnce() throws IOException {
        write("self/stat", pidStat(100, "java", 1, 5000, 500, 40, 10));
        write("100/stat", pidStat(100, "java", 1, 5000, 500, 40, 10));
        write("200/stat", pidStat(200, "sh -c (x)", 100, 30, 5, 0, 0));
        write("300/stat", pidStat(300, "python", 200, 100, 20, 0, 0));
        write("400/stat", pidStat(400, "unrelated", 1, 9999, 9999, 0, 0));
        long ticks = Procfs.clockTicks();
        ChildrenCpuTime source = new ChildrenCpuTime(proc, ticks);
        // 40 + 10 (reaped) + 30 + 5 (sh) + 100 + 20 (python); the JVM's own 5500 and pid 400 are not counted
        assertEquals(205 * 1_000_000_000L / ticks, source.cpuNanos());
        VirtualClock clock = new VirtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, fakeProc(CpuScope.CHILDREN), clock)) {
            Window w = meter.window("child");
            clock.advanceMs(20);
            // python exits and is reaped by sh (its 150 ticks move to sh's cutime); sh burns 10 more
            Files.delete(proc.resolve("300/stat"));
            write("200/stat", pidStat(200, "sh -c (x)", 100, 40, 5, 150, 0));
            Measurement m = w.end();
            assertEquals((10 + 30) / (double) ticks * W_7763, m.total().joulesOrThrow(), 1e-9);
        }
    }

    @Test
    void processScopeTracksThisJvmsCpuTime() {
        MeterOptions o = MeterOptions.builder().optCpuModel(EPYC_7763).optSamplingIntervalS(0.01).build();
        var threads = ManagementFactory.getThreadMXBean();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, o)) {
            Window w = meter.window("spin");
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            double x = 0;
            while (System.nanoTime() - wall0 < 150_000_000L) x += Math.sqrt(x + 1);
            long spent = threads.getCurrentThreadCpuTime() - cpu0;
            Measurement m = w.end();
            assertTrue(x > 0);
            double mine = spent / 1e9 * W_7763;
            double all = m.total().joulesOrThrow();
            // the process's time includes this thread's, plus the JIT, GC and sampler threads
            assertTrue(all >= 0.9 * mine, "process " + all + " J < this thread's " + mine + " J");
            assertTrue(all <= mine + Runtime.getRuntime().availableProcessors() * m.durationS() * W_7763 + 1e-9,
                    "more CPU time than the machine has: " + all);
            assertEquals("process", m.provenance().details().get("cpuScope"));
        }
    }

    @Test
    void unknownCpuUsesTheGenericFigureAndSaysSo() throws IOException {
        write("stat", machineStat(1, 1, 1, 1, 1, 1, 1, 1));
        write("cpuinfo", "processor\t: 0\nmodel name\t: AMD EPYC\nprocessor\t: 1\nmodel name\t: AMD EPYC\n");
        MeterOptions o = MeterOptions.builder().optProcRoot(proc).optCpuScope(CpuScope.MACHINE).optSamplingIntervalS(0).build();
        VirtualClock clock = new VirtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, o, clock)) {
            Window w = meter.window("w");
            clock.advanceMs(20);
            write("stat", machineStat(101, 1, 1, 1, 1, 1, 1, 1));
            Measurement m = w.end();
            assertEquals(100.0 / Procfs.clockTicks() * CpuCatalog.genericWattsPerThread(), m.total().joulesOrThrow(), 1e-9);
            assertEquals("AMD EPYC", m.provenance().details().get("cpuModel"));
            assertEquals("none", m.provenance().details().get("catalogMatch"));
            assertTrue(m.provenance().details().get("wattsBasis").contains("'AMD EPYC' is not in the catalog"));
        }
    }

    @Test
    void noCpuTimeInAResolvableWindowIsAnExplicitZeroButAnUnresolvableWindowIsNull() throws IOException {
        write("stat", machineStat(1, 1, 1, 1, 1, 1, 1, 1));
        VirtualClock clock = new VirtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.CPU_ESTIMATE, fakeProc(CpuScope.MACHINE), clock)) {
            Window w = meter.window("nothing");
            clock.advanceMs(20);
            Measurement m = w.end();
            assertEquals(0.0, m.total().joulesOrThrow());
            assertTrue(m.reasons().contains("no CPU time was used in the window, so the estimate is 0 J"), m.reasons().toString());
            Window instant = meter.window("instant");
            clock.advanceMs(1); // a real clock moves between two reads; this one only when told
            Measurement tooShort = instant.end();
            assertNull(tooShort.total().joules());
            assertTrue(tooShort.total().missingReason().contains("shorter than the counter's update period (0.010 s)"),
                    tooShort.total().missingReason());
        }
    }

    @Test
    void malformedProcFilesNameTheFileAndField() throws IOException {
        write("stat", "cpu  1 2 x 4 5 6 7 8\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Meters.open(MeterKind.CPU_ESTIMATE, fakeProc(CpuScope.MACHINE)));
        assertEquals(proc.resolve("stat") + ", field 3: expected an integer, found 'x'", e.getMessage());
        IllegalStateException short1 = assertThrows(IllegalStateException.class,
                () -> Procfs.parsePidStat("12 (x) S 1 2", Path.of("/proc/12/stat")));
        assertTrue(short1.getMessage().startsWith("/proc/12/stat: expected at least 17 fields"), short1.getMessage());
    }

    @Test
    void pidStatParsingSurvivesParenthesesAndSpacesInTheCommandName() {
        Procfs.PidStat s = Procfs.parsePidStat(pidStat(42, "a (b) c", 7, 11, 12, 13, 14), Path.of("x"));
        assertEquals(new Procfs.PidStat(42, 7, 11, 12, 13, 14), s);
    }
}
