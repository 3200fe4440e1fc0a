package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Windows by name and by handle, nested and overlapping, cancelled, with a sync hook; on the fake NVML. */
class WindowApiTest {
    private static final String GPU = "device uuid=GPU-w name=W arch=9 power=0:100,200:400 period_ms=5\n";

    @Test
    void nestedAndOverlappingWindowsEachGetTheirOwnEnergy() {
        MeterOptions options = FakeNvml.options(GPU);
        VirtualClock clock = FakeNvml.virtualClock();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, options, clock)) {
            Window outer = meter.window("outer");
            clock.advanceMs(40);
            meter.begin("a");
            clock.advanceMs(40);
            meter.begin("b");           // overlaps a
            clock.advanceMs(40);
            Measurement a = meter.end("a");
            clock.advanceMs(40);
            Measurement b = meter.end("b");
            Window inner;
            try (Window w = meter.window("inner")) {
                inner = w;
                clock.advanceMs(30);
            }
            outer.close();
            Measurement o = outer.measurement();
            assertTrue(a.durationS() > 0.07 && b.durationS() > 0.07, a.durationS() + " " + b.durationS());
            assertTrue(o.durationS() > a.durationS() + 0.03);
            assertTrue(o.startEpochS() < a.startEpochS() && a.startEpochS() < b.startEpochS()
                    && a.endEpochS() < b.endEpochS() && b.endEpochS() < o.endEpochS());
            // the integral is additive: the outer window holds at least a, b's tail and inner
            double sum = a.devices().get(0).powerIntegral().joulesOrThrow() + inner.measurement().total().joulesOrThrow();
            assertTrue(o.devices().get(0).powerIntegral().joulesOrThrow() > sum);
            assertEquals(Set.of(), meter.openWindows());
        }
    }

    @Test
    void misuseGivesClearErrors() {
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, FakeNvml.options(GPU))) {
            Window w = meter.begin("x");
            IllegalStateException dup = assertThrows(IllegalStateException.class, () -> meter.begin("x"));
            assertTrue(dup.getMessage().contains("window 'x' is already open"), dup.getMessage());
            IllegalStateException early = assertThrows(IllegalStateException.class, w::measurement);
            assertTrue(early.getMessage().contains("still open"), early.getMessage());
            assertThrows(IllegalArgumentException.class, () -> meter.begin(" "));
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> meter.end("nope"));
            assertTrue(none.getMessage().contains("no open window named 'nope'; open: [x]"), none.getMessage());
            w.end();
            IllegalStateException twice = assertThrows(IllegalStateException.class, w::end);
            assertTrue(twice.getMessage().contains("already ended"), twice.getMessage());
        }
    }

    @Test
    void cancelDiscardsAndFreesTheName() {
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, FakeNvml.options(GPU))) {
            Window w = meter.begin("x");
            w.cancel();
            assertFalse(w.isOpen());
            IllegalStateException e = assertThrows(IllegalStateException.class, w::measurement);
            assertTrue(e.getMessage().contains("cancelled"));
            w.close(); // closing a cancelled window does nothing
            Window again = meter.begin("x");
            meter.cancel("x");
            assertFalse(again.isOpen());
            assertTrue(meter.openWindows().isEmpty());
        }
    }

    @Test
    void theSyncHookRunsAtBothEdgesBeforeTheReading() {
        AtomicInteger calls = new AtomicInteger();
        MeterOptions plain = FakeNvml.options(GPU);
        VirtualClock clock = FakeNvml.virtualClock();
        MeterOptions o = plain.toBuilder().optSyncHook(() -> {
            calls.incrementAndGet();
            clock.advanceMs(25); // a device finishing queued work
        }).build();
        try (EnergyMeter meter = Meters.open(MeterKind.NVML, o, clock)) {
            Measurement m = meter.window("synced").end();
            assertEquals(2, calls.get());
            assertTrue(m.durationS() >= 0.025, "the end hook's wait is inside the window: " + m.durationS());
            meter.setSyncHook(SyncHook.NONE);
            meter.window("unsynced").end();
            assertEquals(2, calls.get());
        }
    }

    @Test
    void closingTheMeterDiscardsOpenWindowsAndRefusesNewOnes() {
        EnergyMeter meter = Meters.open(MeterKind.NVML, FakeNvml.options(GPU));
        Window w = meter.begin("left-open");
        meter.close();
        assertFalse(w.isOpen());
        assertThrows(IllegalStateException.class, () -> meter.begin("after"));
        meter.close(); // twice is fine
        assertEquals(0, FakeNvml.refs());
    }
}
