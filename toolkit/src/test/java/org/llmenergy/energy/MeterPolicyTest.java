package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Meters#forDevice}: the one policy, and the refusals it records on the way to a meter. */
class MeterPolicyTest {
    @TempDir
    Path tmp;

    private MeterOptions noRapl() {
        return MeterOptions.builder().optPowercapRoot(tmp.resolve("no-powercap")).optSamplingIntervalS(0).build();
    }

    @Test
    void cpuWorkWithoutRaplFallsBackToTheEstimateAndKeepsRaplsReasonInTheProvenance() {
        try (EnergyMeter meter = Meters.forDevice(false, null, noRapl())) {
            assertEquals(MeterKind.CPU_ESTIMATE, meter.kind());
            MeterChoice choice = meter.choice();
            assertTrue(choice.fellBack());
            assertEquals(List.of(MeterKind.RAPL), List.copyOf(choice.rejected().keySet()));
            assertTrue(choice.rejected().get(MeterKind.RAPL).contains("does not exist"), choice.rejected().toString());
            assertTrue(choice.reasons().get(0).startsWith("rapl rejected: "), choice.describe());
            assertTrue(choice.reasons().get(1).startsWith("cpu-estimate chosen: no readable RAPL"), choice.describe());
            Measurement m;
            try (Window w = meter.window("work")) {
                m = w.end();
            }
            String recorded = m.total().provenance().details().get("meterChoice");
            assertTrue(recorded.contains("rapl rejected: ") && recorded.contains("does not exist"), recorded);
        }
    }

    @Test
    void cpuWorkUsesRaplWhenItIsReadable() {
        FakePowercap p = FakePowercap.twoSockets(tmp.resolve("powercap"));
        try (EnergyMeter meter = Meters.forDevice(false, " ", noRapl().toBuilder().optPowercapRoot(p.root()).build())) {
            assertEquals(MeterKind.RAPL, meter.kind());
            assertFalse(meter.choice().fellBack());
            assertTrue(meter.choice().describe().startsWith("rapl chosen: 5 channel(s)"), meter.choice().describe());
        }
    }

    @Test
    void aNamedMeterWinsOverTheDevicesDefault() {
        try (EnergyMeter meter = Meters.forDevice(true, "cpu-estimate", noRapl())) {
            assertEquals(MeterKind.CPU_ESTIMATE, meter.kind());
            assertEquals(List.of("cpu-estimate requested"), meter.choice().reasons());
            assertFalse(meter.choice().fellBack());
        }
        assertThrows(IllegalArgumentException.class, () -> Meters.forDevice(false, "joulemeter", noRapl()));
    }

    @Test
    void gpuWorkWithoutNvmlIsRefusedRatherThanChargedToTheCpu() {
        MeterUnavailableException e = assertThrows(MeterUnavailableException.class,
                () -> Meters.forDevice(true, null, noRapl().toBuilder().optCudaVisibleDevices("").build()));
        assertEquals(MeterKind.NVML, e.kind());
        assertTrue(e.getMessage().contains("no GPU is visible"), e.getMessage());
    }
}
