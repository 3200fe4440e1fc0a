package org.llmenergy.energy;

import org.llmenergy.units.Provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmenergy.units.Provenance.Source;

/** The real JNA binding and window engine against the fake libnvidia-ml.so, one scripted case per test. */
class NvmlMeterTest {
    private static final String H100 = "device uuid=GPU-aaaa-0001 name=\"NVIDIA H100 80GB HBM3\" arch=9 limit_w=700 ";

    @AfterEach
    void everyMeterShutNvmlDown() {
        assertEquals(0, FakeNvml.refs(), "a meter left NVML initialised");
    }

    private static void assertNear(double expected, double actual, double relTol, String what) {
        assertTrue(Math.abs(actual - expected) <= relTol * Math.abs(expected),
                what + ": expected " + expected + " ± " + (100 * relTol) + "%, got " + actual);
    }

    @Test
    void jnaLibraryPathMakesTheOrdinaryNameLoadTheFake() {
        java.io.File file = FakeNvml.loadByName();
        assertTrue(file != null && file.toPath().toAbsolutePath().normalize().startsWith(FakeNvml.folder()),
                "JNA resolved 'nvidia-ml' to " + file + ", not the fake in " + FakeNvml.folder()
                        + " (a test that ran earlier in this JVM may have loaded a real NVML by name)");
    }

    @Test
    void healthyGpusGiveCounterAndIntegralThatAgree() {
        MeterOptions o = FakeNvml.options("driver 550.54.15\n"
                + H100 + "power=0:200 period_ms=5\n"
                + "device uuid=GPU-bbbb-0002 name=\"NVIDIA H100 80GB HBM3\" arch=9 power=0:100 period_ms=5\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            assertEquals(2, meter.channels().size());
            Window w = meter.window("decode", true);
            clock.advanceMs(150);
            w.close();
            Measurement m = w.measurement();
            DeviceEnergy g0 = m.device("gpu0").orElseThrow();
            DeviceEnergy g1 = m.device("gpu1").orElseThrow();
            assertNear(200 * m.durationS(), g0.counter().joulesOrThrow(), 0.10, "gpu0 counter");
            assertNear(200 * m.durationS(), g0.powerIntegral().joulesOrThrow(), 0.02, "gpu0 integral");
            assertNear(100 * m.durationS(), g1.gross().joulesOrThrow(), 0.10, "gpu1 gross");
            assertFalse(g0.disagreementFlagged(), "disagreement " + g0.disagreement());
            assertEquals(Source.NVML_COUNTER, g0.gross().provenance().source());
            assertEquals(Source.NVML_POWER_INTEGRAL, g0.powerIntegral().provenance().source());
            assertEquals(g0.gross().joules() + g1.gross().joules(), m.total().joulesOrThrow(), 1e-9);
            assertTrue(m.valid(), "reasons: " + m.reasons());
            assertEquals("550.54.15", m.provenance().driver());
            assertEquals(0.005, m.provenance().samplingIntervalS());
            assertTrue(m.provenance().devices().get(0).contains("GPU-aaaa-0001: NVIDIA H100 80GB HBM3"));
            assertEquals("Hopper", g0.details().get("architecture"));
            assertNear(0.005, Double.parseDouble(g0.details().get("counterUpdatePeriodS")), 0.5, "probed period");
            assertNear(300, m.peakPowerW(), 0.01, "peak of summed power");
            assertTrue(m.series().stream().anyMatch(s -> s.channel().equals("gpu0") && s.quantity().equals("instant")
                    && s.size() > 10));
            assertTrue(m.series().stream().anyMatch(s -> s.quantity().equals("average-1s")));
            assertTrue(m.telemetry().stream().anyMatch(t -> t.temperatureC() == 40 && t.smClockMhz() == 1980
                    && t.gpuUtilization() == 50));
            assertEquals(m.endEpochS() - m.startEpochS(), m.durationS(), 0.01);
        }
    }

    @Test
    void onTheVirtualClockAWindowLastsExactlyWhatTheTestAdvancedAndHoldsEveryTick() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=5\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            assertNull(((WindowedMeter) meter).samplerThread(), "a virtual clock samples on the test's thread");
            Window w = meter.window("exact", true);
            clock.advanceMs(150);
            Measurement m = w.end();
            assertEquals(0.150, m.durationS(), 1e-12);
            // the counter moves every 5 ms of the same virtual time, so 150 ms at 200 W is 30 J to the millijoule
            assertEquals(30.0, m.devices().get(0).counter().joulesOrThrow(), 1e-9);
            PowerSeries instant = m.series().stream().filter(s -> s.quantity().equals("instant")).findFirst().orElseThrow();
            assertEquals(32, instant.size(), "the opening edge, 30 ticks of 5 ms (the last at the closing edge), "
                    + "the closing edge");
        }
    }

    @Test
    void thePublicPathRunsOnTheSystemClockWithASamplingThread() {
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, FakeNvml.options(H100 + "power=0:100\n"))) {
            Thread sampler = ((WindowedMeter) meter).samplerThread();
            assertNotNull(sampler);
            assertTrue(sampler.isAlive() && sampler.isDaemon(), sampler.toString());
            assertEquals("llm-energy-sampler-nvml", sampler.getName());
            Measurement m = meter.window("now").end();
            // anchored to the wall clock, not to the virtual clock's fixed start
            assertEquals(System.currentTimeMillis() / 1e3, m.startEpochS(), 60.0);
        }
    }

    @Test
    void counterWraparoundAt2To64IsCountedOnce() {
        // 18446744073709551615 - 20000 mJ: the counter wraps after 20 J, 100 ms into the trace at 200 W
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=5 counter_start_mj=18446744073709531615\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("across-wrap");
            clock.advanceMs(200);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNear(200 * m.durationS(), d.counter().joulesOrThrow(), 0.10, "counter across the wrap");
            assertFalse(d.disagreementFlagged());
            assertTrue(m.valid(), "reasons: " + m.reasons());
        }
    }

    @Test
    void counterResetFallsBackToTheIntegralAndSaysSo() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:300 period_ms=5 counter_start_mj=5000000 reset_at_ms=150\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("across-reset");
            clock.advanceMs(250);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNull(d.counter().joules());
            assertTrue(d.counter().missingReason().contains("restarted"), d.counter().missingReason());
            assertEquals(Source.NVML_POWER_INTEGRAL, d.gross().provenance().source());
            assertNear(300 * m.durationS(), d.gross().joulesOrThrow(), 0.03, "integral");
            assertTrue(d.gross().provenance().reasons().stream().anyMatch(r -> r.contains("counter unavailable")));
        }
    }

    @Test
    void counterNotSupportedUsesThePowerIntegralLabelledAsSuch() {
        MeterOptions o = FakeNvml.options("device name=\"Tesla P100-PCIE-16GB\" arch=4 power=0:150 energy=unsupported\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("pascal");
            clock.advanceMs(100);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNull(d.counter().joules());
            assertTrue(d.counter().missingReason().contains("NVML_ERROR_NOT_SUPPORTED"), d.counter().missingReason());
            assertEquals(Source.NVML_POWER_INTEGRAL, m.provenance().source());
            assertNear(150 * m.durationS(), m.total().joulesOrThrow(), 0.03, "integral total");
            assertTrue(m.valid(), "reasons: " + m.reasons());
            assertEquals("Pascal", d.details().get("architecture"));
        }
    }

    @Test
    void averagedPowerUsageIsUsedWhenFieldsAreMissingAndFlaggedOnAmpere() {
        MeterOptions o = FakeNvml.options("device name=\"NVIDIA RTX A6000\" arch=7 power=0:250 energy=unsupported "
                + "fields=unsupported usage=average\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("a6000");
            clock.advanceMs(80);
            Measurement m = w.end();
            EnergyFigure gross = m.devices().get(0).gross();
            assertNear(250 * m.durationS(), gross.joulesOrThrow(), 0.03, "usage integral");
            assertTrue(gross.provenance().reasons().stream().anyMatch(r -> r.contains("1-s moving average")),
                    "reasons: " + gross.provenance().reasons());
            assertEquals("usage", gross.provenance().details().get("powerQuantity"));
            // Why the instant reading was not used is kept, so a real GPU's fallback can be diagnosed.
            assertEquals("NVML_FI_DEV_POWER_INSTANT: NVML_ERROR_NOT_SUPPORTED (3): Not Supported",
                    m.devices().get(0).details().get("instantPowerRefused"));
        }
    }

    @Test
    void gpuWithNeitherCounterNorPowerIsRefusedClearly() {
        MeterOptions o = FakeNvml.options("device arch=3 energy=unsupported fields=unsupported usage=unsupported\n");
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class, () -> Meters.open(MeterKind.NVML, o));
        assertTrue(e.getMessage().contains("no selected GPU offers an energy counter or a power reading"), e.getMessage());
    }

    @Test
    void driverNotLoadedIsAClearErrorAndAutoFallsBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        MeterOptions o = FakeNvml.options("init_rc 9\n" + H100 + "\n").toBuilder().optPowercapRoot(tmp.resolve("no-powercap")).build();
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class, () -> Meters.open(MeterKind.NVML, o));
        assertTrue(e.getMessage().contains("nvmlInit_v2 returned NVML_ERROR_DRIVER_NOT_LOADED (9): Driver Not Loaded"),
                e.getMessage());
        try (EnergyMeter meter = Meters.auto(o)) {
            assertEquals(MeterKind.CPU_ESTIMATE, meter.kind());
            List<String> why = meter.choice().reasons();
            assertEquals(3, why.size(), why.toString());
            assertTrue(why.get(0).startsWith("nvml rejected: nvmlInit_v2 returned NVML_ERROR_DRIVER_NOT_LOADED"), why.get(0));
            assertTrue(why.get(1).startsWith("rapl rejected: ") && why.get(1).contains("does not exist"), why.get(1));
            assertTrue(why.get(2).startsWith("cpu-estimate chosen"), why.get(2));
        }
    }

    @Test
    void autoPicksNvmlWhenAGpuIsThere() {
        try (EnergyMeter meter = Meters.auto(FakeNvml.options(H100 + "power=0:100\n"))) {
            assertEquals(MeterKind.NVML, meter.kind());
            assertTrue(meter.choice().describe().startsWith("nvml chosen: 1 channel(s) [gpu0]"), meter.choice().describe());
        }
    }

    @Test
    void windowShorterThanASlowCounterIsNullWithAReasonAndTheIntegralStandsIn() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=400\n").toBuilder().optCounterProbeS(0.05).build();
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("short");
            clock.advanceMs(30);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNull(d.counter().joules());
            assertTrue(d.counter().missingReason().contains("shorter than the counter's update period (at least"),
                    d.counter().missingReason());
            assertEquals(Source.NVML_POWER_INTEGRAL, d.gross().provenance().source());
            assertNear(200 * m.durationS(), d.gross().joulesOrThrow(), 0.03, "integral of a short window");
            assertTrue(m.total().joulesOrThrow() > 0);
        }
    }

    @Test
    void theSamplerRefinesACounterPeriodTheProbeCouldOnlyBound() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=100\n").toBuilder().optCounterProbeS(0.03).build();
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            clock.advanceMs(450); // the 5-ms sampler sees four updates 100 ms apart
            Window w = meter.window("short-but-longer-than-probe");
            clock.advanceMs(50);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNear(0.1, Double.parseDouble(d.details().get("counterUpdatePeriodS")), 0.2, "refined period");
            assertNull(d.counter().joules(), "a 50-ms window cannot be resolved by a 100-ms counter");
            assertTrue(d.counter().missingReason().contains("update period (0.1"), d.counter().missingReason());
        }
    }

    @Test
    void edgeReadingsOnlyGiveAnInstantPowerEstimateLabelledAsSuch() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:120 period_ms=5\n").toBuilder().optSamplingIntervalS(0).build();
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("edges");
            clock.advanceMs(40);
            Measurement m = w.end();
            EnergyFigure integral = m.devices().get(0).powerIntegral();
            assertNear(120 * m.durationS(), integral.joulesOrThrow(), 0.01, "edge-only integral");
            assertTrue(integral.provenance().reasons().stream().anyMatch(r -> r.startsWith("instant-power estimate")));
            assertNull(integral.provenance().samplingIntervalS());
        }
    }

    @Test
    void gpuLostMidRunNullsItsFiguresAndTheTotalButNotTheOthers() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=5\n"
                + "device uuid=GPU-bbbb-0002 name=\"NVIDIA H100 80GB HBM3\" arch=9 power=0:100 period_ms=5 lost_after_ms=150\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("run");
            clock.advanceMs(250);
            Measurement m = w.end();
            DeviceEnergy g0 = m.device("gpu0").orElseThrow();
            DeviceEnergy g1 = m.device("gpu1").orElseThrow();
            assertNear(200 * m.durationS(), g0.gross().joulesOrThrow(), 0.10, "surviving GPU");
            assertNull(g1.gross().joules());
            assertTrue(g1.gross().missingReason().contains("NVML_ERROR_GPU_IS_LOST (15)"), g1.gross().missingReason());
            assertNull(m.total().joules());
            assertTrue(m.total().missingReason().startsWith("missing gpu1: "), m.total().missingReason());
            assertFalse(m.valid());
            // the meter keeps working for the GPU that is left, and a later window says why gpu1 is missing
            Window laterWindow = meter.window("later");
            clock.advanceMs(1); // a real clock moves between two reads; this one only when told
            Measurement later = laterWindow.end();
            assertTrue(later.device("gpu0").orElseThrow().powerIntegral().isPresent());
            assertTrue(later.device("gpu1").orElseThrow().gross().missingReason().contains("GPU_IS_LOST"));
        }
    }

    @Test
    void migIsRefusedWithAnExplanation() {
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.NVML, FakeNvml.options(H100 + "mig=1\n")));
        assertTrue(e.getMessage().contains("is in MIG mode"), e.getMessage());
        MeterUnavailableException e2 = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.NVML, FakeNvml.options(H100 + "\n")
                        .toBuilder().optCudaVisibleDevices("MIG-4f3a1c2e-aaaa-bbbb-cccc-000000000001").build()));
        assertTrue(e2.getMessage().contains("is a MIG instance"), e2.getMessage());
    }

    @Test
    void cudaVisibleDevicesOrderAndSelectionAreHonoured() {
        String three = "device uuid=GPU-aaaa name=A power=0:100\ndevice uuid=GPU-bbbb name=B power=0:200\n"
                + "device uuid=GPU-cccc name=C power=0:300\n";
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, FakeNvml.options(three).toBuilder().optCudaVisibleDevices("2,GPU-bb").build())) {
            assertEquals(List.of("gpu0 GPU-cccc: C", "gpu1 GPU-bbbb: B"), meter.channels());
        }
        try (EnergyMeter meter = Meters.open(MeterKind.NVML,
                FakeNvml.options(three).toBuilder().optCudaVisibleDevices("2,GPU-bb").optGpus(List.of(1)).build())) {
            assertEquals(List.of("gpu1 GPU-bbbb: B"), meter.channels());
        }
        MeterUnavailableException bad = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.NVML, FakeNvml.options(three).toBuilder().optCudaVisibleDevices("0,x").build()));
        assertTrue(bad.getMessage().contains("entry 2 'x' is neither a GPU index nor a GPU-<uuid>"), bad.getMessage());
        MeterUnavailableException range = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.NVML, FakeNvml.options(three).toBuilder().optCudaVisibleDevices("5").build()));
        assertTrue(range.getMessage().contains("NVML sees only 3 GPU(s)"), range.getMessage());
        IllegalArgumentException sel = assertThrows(IllegalArgumentException.class,
                () -> Meters.open(MeterKind.NVML, FakeNvml.options(three).toBuilder().optGpus(List.of(3)).build()));
        assertTrue(sel.getMessage().contains("GPU 3 is not visible"), sel.getMessage());
    }

    /** A 10 Hz square wave, 25 ms at 500 W then 75 ms at 100 W (200 W mean), for {@code seconds} from nvmlInit. */
    private static String squareWave(int seconds) {
        StringBuilder b = new StringBuilder("power=");
        for (int t = 0; t < seconds * 1000; t += 100) b.append(t).append(":500,").append(t + 25).append(":100,");
        return b.substring(0, b.length() - 1);
    }

    @Test
    void instantPowerAliasedWithAPeriodicLoadDoesNotInvalidateTheCounter() {
        // Sampling every 100 ms against a 100 ms square wave sees one phase only (as an H200's instant reading did
        // with a 10 Hz load); the counter and the 1-s average integrate continuously and agree.
        MeterOptions o = FakeNvml.options(H100 + "period_ms=5 " + squareWave(8) + "\n").toBuilder()
                .optSamplingIntervalS(0.1).build();
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            clock.advanceMs(1200); // let the 1-s average settle on the wave's mean
            Window w = meter.window("wave");
            clock.advanceMs(4000);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNear(800, d.counter().joulesOrThrow(), 0.02, "counter: 4 s at a mean 200 W");
            assertTrue(d.disagreement() > 0.10, "the instant integral is aliased: " + d.powerIntegral().joules());
            assertFalse(d.disagreementFlagged());
            assertTrue(d.gross().provenance().valid(), d.gross().provenance().reasons().toString());
            assertEquals(d.counter().joulesOrThrow(), d.gross().joulesOrThrow(), 1e-9);
            assertTrue(d.gross().provenance().flags().contains(Provenance.Flag.INSTANT_POWER_ALIASED));
            assertNear(800, Double.parseDouble(d.gross().provenance().details().get("averagePowerIntegralJ")), 0.02,
                    "the 1-s average's integral");
        }
    }

    @Test
    void theAverageDoesNotRescueACounterThatDisagreesWithBothIntegrals() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=5 counter_scale=0.6\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            clock.advanceMs(1200);
            Window w = meter.window("disagree-long");
            clock.advanceMs(3000);
            DeviceEnergy d = w.end().devices().get(0);
            assertTrue(d.disagreementFlagged());
            assertFalse(d.gross().provenance().valid());
            assertFalse(d.gross().provenance().flags().contains(Provenance.Flag.INSTANT_POWER_ALIASED));
        }
    }

    @Test
    void counterAndIntegralDisagreementIsFlagged() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:200 period_ms=5 counter_scale=0.6\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("disagree");
            clock.advanceMs(150);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertTrue(d.disagreementFlagged());
            assertNear(0.4, d.disagreement(), 0.15, "disagreement");
            assertTrue(d.gross().provenance().reasons().stream().anyMatch(r -> r.contains("disagree by")),
                    d.gross().provenance().reasons().toString());
            assertTrue(m.reasons().stream().anyMatch(r -> r.contains("disagree by")));
            // before the fix the flagged figure still said valid: true
            assertFalse(d.gross().provenance().valid());
            assertFalse(m.total().provenance().valid());
        }
    }

    @Test
    void aStuckCounterWithZeroWattReadingsIsUnavailableNotZeroJoules() {
        // A busy GPU cannot draw 0 W: a counter that does not move plus 0 W readings is a sensor that does not report.
        MeterOptions o = FakeNvml.options(H100 + "power=0:0 period_ms=5\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Window w = meter.window("stuck");
            clock.advanceMs(150);
            Measurement m = w.end();
            DeviceEnergy d = m.devices().get(0);
            assertNull(d.counter().joules());
            assertTrue(d.counter().missingReason().contains("did not advance"), d.counter().missingReason());
            assertNull(d.powerIntegral().joules(), "before the fix: a valid 0 J");
            assertTrue(d.powerIntegral().missingReason().contains("were 0 W"), d.powerIntegral().missingReason());
            assertNull(d.gross().joules());
            assertNull(m.total().joules());
            assertTrue(m.total().missingReason().contains("0 W"), m.total().missingReason());
        }
    }

    @Test
    void idleBaselineGivesNetOfIdleFigures() {
        MeterOptions o = FakeNvml.options(H100 + "power=0:100,1000:300 period_ms=5\n");
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            long opened = clock.nanoTime();
            Measurement before = meter.window("before-idle").end();
            assertTrue(before.totalNet().missingReason().contains("no idle baseline"));
            IdleBaseline idle = meter.measureIdle(0.1);
            assertNear(100, idle.watts("gpu0").orElseThrow(), 0.05, "idle power");
            clock.advanceTo(opened + 1_100_000_000L);
            Window w = meter.window("busy");
            clock.advanceMs(120);
            Measurement m = w.end();
            double gross = m.total().joulesOrThrow();
            double net = m.totalNet().joulesOrThrow();
            assertNear(300 * m.durationS(), gross, 0.10, "gross");
            assertEquals(gross - idle.watts("gpu0").getAsDouble() * m.durationS(), net, 1e-9);
            assertNear(200 * m.durationS(), net, 0.15, "net");
            assertTrue(m.totalNet().provenance().netOfIdle());
            assertFalse(m.total().provenance().netOfIdle());
            assertNotNull(m.totalNet().provenance().details().get("idlePowerW.gpu0"));
        }
    }
}
