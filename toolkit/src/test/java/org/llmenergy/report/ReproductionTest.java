package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.llmenergy.experiment.SpecReader;
import org.llmenergy.experiment.SweepSpec;

class ReproductionTest {
    @Test
    void tracesMapToTheirTable4Rows() {
        assertEquals("Azure Conversation", Reproduction.table4Dataset("azure-conv-2023"));
        assertEquals("Azure Code", Reproduction.table4Dataset("/data/AzureLLMInferenceTrace_code_1week.csv"));
        assertEquals("BurstGPT", Reproduction.table4Dataset("burstgpt-without-fails-2"));
        assertNull(Reproduction.table4Dataset("my-trace.jsonl"));
    }

    @Test
    void theSweepSpecsAreValidAndTheQuickOneIsSmaller() {
        SweepSpec full = SpecReader.parse(Reproduction.sweepSpec(false, "cpu"), "full", null);
        SweepSpec quick = SpecReader.parse(Reproduction.sweepSpec(true, "cpu"), "quick", null);
        assertEquals(26, full.expandCells().size(), "2 batch sizes x (7 inputs + 6 outputs)");
        assertEquals(9, quick.expandCells().size());
        SweepSpec gpu = SpecReader.parse(Reproduction.sweepSpec(false, "gpu"), "gpu", null);
        assertEquals("gpu", gpu.device());
        assertNotEquals(full.hash(), gpu.hash(), "a GPU sweep never resumes a CPU one");
    }
}
