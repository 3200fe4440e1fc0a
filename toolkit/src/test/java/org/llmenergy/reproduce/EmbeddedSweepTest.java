package org.llmenergy.reproduce;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.inference.ComputeDevice;

class EmbeddedSweepTest {
    private static final ComputeDevice GPU = new ComputeDevice(true, 0);

    @Test
    void theSpecResourcesAreValidAndTheQuickOneIsSmaller() {
        SweepSpec full = new EmbeddedSweep(EmbeddedSweep.Size.FULL, ComputeDevice.CPU).spec();
        SweepSpec quick = new EmbeddedSweep(EmbeddedSweep.Size.QUICK, ComputeDevice.CPU).spec();
        assertEquals(26, full.expandCells().size(), "2 batch sizes x (7 inputs + 6 outputs)");
        assertEquals(9, quick.expandCells().size(), "1 batch size x (5 inputs + 5 outputs), one shared cell");
        assertEquals(2, full.protocol().repeats());
        assertEquals(1, quick.protocol().repeats());
        assertEquals("reproduce-cpu", full.name());
        assertEquals("reproduce-cpu-quick", quick.name());
        assertEquals(4, new EmbeddedSweep(EmbeddedSweep.Size.FULL, ComputeDevice.CPU).largestBatch());
        assertEquals(1, new EmbeddedSweep(EmbeddedSweep.Size.QUICK, ComputeDevice.CPU).largestBatch());
    }

    @Test
    void theDeviceIsSetOnTheTypedSpecAndChangesItsHash() {
        SweepSpec cpu = new EmbeddedSweep(EmbeddedSweep.Size.FULL, ComputeDevice.CPU).spec();
        SweepSpec gpu = new EmbeddedSweep(EmbeddedSweep.Size.FULL, GPU).spec();
        assertEquals("cpu", cpu.device());
        assertEquals("gpu:0", gpu.device());
        assertEquals("reproduce-gpu", gpu.name());
        assertTrue(gpu.expandCells().stream().allMatch(c -> c.device().label().equals("gpu:0")), "every cell runs on the GPU");
        assertEquals(cpu.cells(), gpu.cells(), "only the device differs");
        assertEquals(cpu.protocol(), gpu.protocol());
        assertNotEquals(cpu.hash(), gpu.hash(), "a GPU sweep never resumes a CPU one");
    }

    @Test
    void resultsAreNamedByDeviceAndSize() {
        Path out = Path.of("out", "report");
        assertEquals(out.resolve("sweep").resolve("results-cpu.jsonl"),
                new EmbeddedSweep(EmbeddedSweep.Size.FULL, ComputeDevice.CPU).resultsFile(out));
        assertEquals(out.resolve("sweep").resolve("results-gpu-quick.jsonl"),
                new EmbeddedSweep(EmbeddedSweep.Size.QUICK, GPU).resultsFile(out));
        assertEquals(EmbeddedSweep.Size.QUICK, EmbeddedSweep.Size.of(true));
    }
}
