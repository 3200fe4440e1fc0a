package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options builder: documented defaults, variants through toBuilder, ranges checked in build(). */
class MeterOptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        MeterOptions o = MeterOptions.defaults();
        assertEquals(0.1, o.samplingIntervalS());
        assertEquals(0.5, o.telemetryIntervalS());
        assertEquals(0.10, o.disagreementThreshold());
        assertEquals(0.5, o.counterProbeS());
        assertNull(o.gpus());
        assertEquals("nvidia-ml", o.nvmlLibrary());
        assertEquals(Path.of("/sys/class/powercap"), o.powercapRoot());
        assertEquals(Path.of("/proc"), o.procRoot());
        assertEquals(CpuScope.PROCESS, o.cpuScope());
        assertEquals(SyncHook.NONE, o.syncHook());
        assertEquals(System.getenv("CUDA_VISIBLE_DEVICES"), o.cudaVisibleDevices());
    }

    @Test
    void aVariantChangesOnlyWhatItNames() {
        MeterOptions base = MeterOptions.builder().optGpus(List.of(0, 1)).optCpuModel("AMD EPYC 7763").build();
        MeterOptions edges = base.toBuilder().optSamplingIntervalS(0).build();
        assertEquals(0, edges.samplingIntervalS());
        assertEquals(List.of(0, 1), edges.gpus());
        assertEquals("AMD EPYC 7763", edges.cpuModel());
        assertEquals(base, base.toBuilder().build());
    }

    @Test
    void buildChecksTheRanges() {
        var tooFine = assertThrows(IllegalArgumentException.class,
                () -> MeterOptions.builder().optSamplingIntervalS(0.0001).build());
        assertTrue(tooFine.getMessage().contains("sampling interval below 1 ms"), tooFine.getMessage());
        var threshold = assertThrows(IllegalArgumentException.class,
                () -> MeterOptions.builder().optDisagreementThreshold(0).build());
        assertTrue(threshold.getMessage().contains("disagreement threshold"), threshold.getMessage());
        assertThrows(NullPointerException.class, () -> MeterOptions.builder().optProcRoot(null).build());
    }
}
