package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.units.Provenance.Source;

/** RAPL through a fake powercap tree: two sockets, nested domains, wraparound, permissions. */
class RaplMeterTest {
    @TempDir
    Path tmp;

    private static MeterOptions edgesOnly(Path root) {
        return MeterOptions.builder().optPowercapRoot(root).optSamplingIntervalS(0).build();
    }

    @Test
    void packagesAndDramOfBothSocketsAreChannelsAndNestedZonesAreNotCountedTwice() {
        FakePowercap p = FakePowercap.twoSockets(tmp);
        try (EnergyMeter meter = Meters.open(MeterKind.RAPL, edgesOnly(p.root()))) {
            assertEquals(List.of("package-0", "dram-0", "package-1", "dram-1", "psys"),
                    meter.channels().stream().map(c -> c.substring(0, c.indexOf(' '))).toList());
            Window w = meter.window("work");
            p.set("intel-rapl:0", 1_000_000L + 3_000_000L);   // +3 J
            p.set("intel-rapl:0:0", 500_000L + 2_000_000L);   // core +2 J: inside package-0, not counted again
            p.set("intel-rapl:0:2", 2_000_000L + 500_000L);   // +0.5 J
            p.set("intel-rapl:1", 1_000_000L + 1_000_000L);   // +1 J
            p.set("intel-rapl:1:2", 2_000_000L + 250_000L);   // +0.25 J
            p.set("intel-rapl:2", 9_000_000L + 6_000_000L);   // psys +6 J: reported, not in the total
            p.set("intel-rapl-mmio:0", 1_000_000L + 3_000_000L); // MMIO duplicate of package-0: ignored
            Measurement m = w.end();
            assertEquals(3.0, m.device("package-0").orElseThrow().gross().joulesOrThrow(), 1e-9);
            assertEquals(0.5, m.device("dram-0").orElseThrow().gross().joulesOrThrow(), 1e-9);
            assertEquals(1.0, m.device("package-1").orElseThrow().gross().joulesOrThrow(), 1e-9);
            assertEquals(0.25, m.device("dram-1").orElseThrow().gross().joulesOrThrow(), 1e-9);
            assertEquals(6.0, m.device("psys").orElseThrow().gross().joulesOrThrow(), 1e-9);
            assertFalse(m.device("psys").orElseThrow().inTotal());
            assertEquals(4.75, m.total().joulesOrThrow(), 1e-9);
            assertEquals(Source.RAPL, m.provenance().source());
            assertTrue(m.valid(), m.reasons().toString());
            String notCounted = m.provenance().details().get("notCounted");
            assertTrue(notCounted.contains("intel-rapl:0:0 (core") && notCounted.contains("intel-rapl:1:1 (uncore"),
                    notCounted);
            assertTrue(m.devices().get(0).powerIntegral().missingReason().contains("only an energy counter"));
        }
    }

    @Test
    void wraparoundAtMaxEnergyRangeIsCorrected() {
        FakePowercap p = FakePowercap.twoSockets(tmp);
        p.set("intel-rapl:0", FakePowercap.MAX - 1_000_000L);
        try (EnergyMeter meter = Meters.open(MeterKind.RAPL, edgesOnly(p.root()))) {
            Window w = meter.window("wrap");
            p.set("intel-rapl:0", 500_000L); // wrapped: 1 J to the top, then 0.5 J
            p.set("intel-rapl:1", 1_100_000L);
            Measurement m = w.end();
            assertEquals(1.5, m.device("package-0").orElseThrow().gross().joulesOrThrow(), 1e-9);
        }
    }

    @Test
    void theSamplerFollowsSeveralWrapsInsideOneWindow() {
        FakePowercap p = FakePowercap.twoSockets(tmp);
        long range = 10_000_000L; // a 10-J range, so that plausible power (100 W) wraps it within a short test
        p.maxRange("intel-rapl:0", range);
        long step = 3_000_000L;
        MeterOptions o = MeterOptions.builder().optPowercapRoot(p.root()).optSamplingIntervalS(0.005).build();
        VirtualClock clock = new VirtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.RAPL, o, clock)) {
            Window w = meter.window("long", true);
            long value = 1_000_000L;
            for (int i = 0; i < 10; i++) { // 30 J through a 10-J counter: it wraps three times
                value = (value + step) % range;
                p.set("intel-rapl:0", value);
                p.set("intel-rapl:1", 1_000_000L + i + 1);
                clock.advanceMs(30);
            }
            Measurement m = w.end();
            double expected = 10 * step * 1e-6;
            assertEquals(expected, m.device("package-0").orElseThrow().gross().joulesOrThrow(), 1e-6);
            PowerSeries derived = m.series().stream().filter(s -> s.channel().equals("package-0")).findFirst().orElseThrow();
            assertEquals("derived", derived.quantity());
            assertTrue(derived.size() > 5);
        }
    }

    @Test
    void aCounterThatDidNotMoveIsNullWithAReasonNeverZero() {
        FakePowercap p = FakePowercap.twoSockets(tmp);
        try (EnergyMeter meter = Meters.open(MeterKind.RAPL, edgesOnly(p.root()))) {
            Window w = meter.window("idle");
            p.set("intel-rapl:0", 2_000_000L);
            Measurement m = w.end();
            DeviceEnergy stuck = m.device("package-1").orElseThrow();
            assertNull(stuck.gross().joules());
            assertTrue(stuck.gross().missingReason().contains("did not advance"), stuck.gross().missingReason());
            assertNull(m.total().joules());
            assertTrue(m.total().missingReason().contains("package-1"), m.total().missingReason());
        }
    }

    @Test
    void permissionDeniedIsReportedAsSuch() {
        FakePowercap p = FakePowercap.twoSockets(tmp);
        // Tests run as root, which can read any file, so the seam is the file reader.
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class, () -> RaplBackend.open(p.root(), f -> {
            if (f.getFileName().toString().equals("energy_uj")) throw new AccessDeniedException(f.toString());
            return Files.readString(f);
        }));
        assertTrue(e.getMessage().startsWith("rapl: permission denied reading " + p.root().resolve("intel-rapl:0/energy_uj")),
                e.getMessage());
        assertTrue(e.getMessage().contains("CVE-2020-8694"), e.getMessage());
    }

    @Test
    void permissionDeniedThroughTheRealFileSystemWhenNotRoot() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        FakePowercap p = FakePowercap.twoSockets(tmp);
        Files.setPosixFilePermissions(p.root().resolve("intel-rapl:0/energy_uj"), PosixFilePermissions.fromString("---------"));
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.RAPL, edgesOnly(p.root())));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    @Test
    void missingPowercapAndMalformedCountersAreClearErrors() {
        MeterUnavailableException none = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.RAPL, edgesOnly(tmp.resolve("absent"))));
        assertTrue(none.getMessage().contains("does not exist: no powercap interface"), none.getMessage());
        FakePowercap p = FakePowercap.twoSockets(tmp.resolve("bad"));
        p.set("intel-rapl:1", 0);
        try {
            Files.writeString(p.root().resolve("intel-rapl:1/energy_uj"), "12x4\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        MeterUnavailableException bad = assertThrows(MeterUnavailableException.class,
                () -> Meters.open(MeterKind.RAPL, edgesOnly(p.root())));
        assertTrue(bad.getMessage().contains("intel-rapl:1/energy_uj: expected a non-negative integer (µJ), found '12x4'"),
                bad.getMessage());
    }

    @Test
    void nestedLayoutWithoutFlatLinksIsFoundToo() {
        FakePowercap p = new FakePowercap(tmp);
        p.zone("intel-rapl:0", "package-0", 10L);
        p.zone("intel-rapl:0/intel-rapl:0:0", "dram", 20L);
        try (EnergyMeter meter = Meters.open(MeterKind.RAPL, edgesOnly(p.root()))) {
            assertEquals(2, meter.channels().size());
            assertTrue(meter.channels().get(1).startsWith("dram-0 "), meter.channels().toString());
        }
    }
}
