package org.llmenergy.estimate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.estimate.BinEstimate;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

class PaperFitEstimatorTest {
    private final PaperFitEstimator paper = PaperFitEstimator.paperSetting();

    @Test
    void handBinsAtAFixedBatchAddUp() {
        Figure2Fit fit = paper.fit();
        List<BinCount> bins = List.of(new BinCount(512, 64, 100), new BinCount(2048, 8, 30));
        PaperFitEstimate e = paper.withBatches(new BatchSizePolicy.Fixed(64)).estimate(bins);
        double expected = 100 * fit.requestJoules(512, 64, 64) + 30 * fit.requestJoules(2048, 8, 64);
        assertEquals(expected, e.workload().totalJoules().getAsDouble(), expected * 1e-12);
        assertEquals(Comparisons.percentAbove(expected, e.theoretical().joules()), e.percentAboveTheoretical().getAsDouble(), 1e-9);
        for (BinEstimate b : e.workload().bins()) assertEquals(Provenance.Source.MODEL, b.provenance().source());
        assertTrue(e.flags().stream().anyMatch(f -> f.contains("SPARSITY")), e.flags().toString());
    }

    @Test
    void memoryLimitedBatchesAreCappedAt256AndFlaggedBeyondTheFigure() {
        PaperFitEstimate e = paper.estimate(List.of(new BinCount(128, 16, 1000), new BinCount(8192, 512, 10)));
        int shortBatch = e.workload().bins().get(0).batchSize().getAsInt();
        int longBatch = e.workload().bins().get(1).batchSize().getAsInt();
        assertEquals(256, shortBatch);
        assertTrue(longBatch < 128, Integer.toString(longBatch));
        assertTrue(e.flags().stream().anyMatch(f -> f.startsWith("1000 of 1010 requests")), e.flags().toString());
    }

    @Test
    void azure2023AgainstTable4() throws IOException {
        Optional<List<BinCount>> conv = Azure2023Bins.read("azure-conv-2023", "AzureLLMInferenceTrace_conv.csv");
        Optional<List<BinCount>> code = Azure2023Bins.read("azure-code-2023", "AzureLLMInferenceTrace_code.csv");
        assumeTrue(conv.isPresent() && code.isPresent(), "Azure 2023 traces not in the dataset mirror");
        assertEquals(19366 - 563, conv.get().stream().mapToLong(BinCount::requests).sum(), "rows minus those over 8192 in or 512 out");

        Table4Comparison cConv = paper.compareWithTable4(conv.get(), "Azure Conversation");
        Table4Comparison cCode = paper.compareWithTable4(code.get(), "Azure Code");
        PaperFitEstimate e = paper.estimate(conv.get());

        // Real energy is above the idealised baseline, and the decode-heavier conversation trace further above it
        assertTrue(cCode.oursPercentAbove().getAsDouble() > 0);
        assertTrue(cConv.oursPercentAbove().getAsDouble() > cCode.oursPercentAbove().getAsDouble());
        // against the dense peak the baseline grows by 309.7 / 154.8: 1 + p_dense = (1 + p_sparse) x 154.8 / 309.7
        assertEquals((1 + cConv.oursPercentAbove().getAsDouble() / 100) * 154.8 / 309.7,
                1 + cConv.oursPercentAboveDensePeak().getAsDouble() / 100, 1e-9);
        assertFalse(e.workload().partial(), "every Azure 2023 bin fits at least one sequence on 48 GB");
    }
}
