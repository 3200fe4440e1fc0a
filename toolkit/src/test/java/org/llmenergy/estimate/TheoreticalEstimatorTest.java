package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.Family;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.ModelConfig;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

class TheoreticalEstimatorTest {
    private static final ModelConfig TINY = ModelConfig.builder().setName("hand").setFamily(Family.LLAMA)
            .setVocabSize(10).setHiddenSize(4)
            .setNumLayers(1).setNumHeads(2).optNumKvHeads(1).optHeadDim(2).setIntermediateSize(8)
            .optMaxPositions(64).build();

    @Test
    void paperConstantsTimesHandCountedFlops() {
        // FLOPs(3, 3) = 1040 + 880 (see FlopsModelTest); two bins
        List<BinCount> bins = List.of(new BinCount(3, 3, 10), new BinCount(3, 1, 4));
        TheoreticalEstimate t = new TheoreticalEstimator(FlopsModel.of(TINY), PeakRate.paperA6000()).estimate(bins);
        double flops = 10 * 1920.0 + 4 * 1040.0;
        assertEquals(flops, t.flops(), 1e-9);
        assertEquals(flops * 300 / 309.7e12, t.joules(), 1e-20);
        assertEquals(2, t.bins().size());
        assertEquals(Provenance.Source.MODEL, t.provenance().source());
    }

    @Test
    void sparsePeakIsFlaggedWithTheDenseFigureAndDenseDoublesTheEnergy() {
        List<BinCount> bins = List.of(new BinCount(512, 64, 100));
        FlopsModel f = FlopsModel.of(TINY);
        TheoreticalEstimate sparse = new TheoreticalEstimator(f, PeakRate.paperA6000()).estimate(bins);
        assertEquals(1, sparse.flags().size());
        assertTrue(sparse.flags().get(0).contains("SPARSITY") && sparse.flags().get(0).contains("154.8"), sparse.flags().get(0));
        assertTrue(sparse.provenance().reasons().contains(sparse.flags().get(0)));
        TheoreticalEstimate dense = new TheoreticalEstimator(f, PeakRate.of(GpuCatalog.builtIn().get("RTX-A6000"), Sparsity.DENSE))
                .estimate(bins);
        assertTrue(dense.flags().isEmpty());
        assertEquals(309.7 / 154.8, dense.joules() / sparse.joules(), 1e-9);
    }

    @Test
    void paperJoulesPerFlop() {
        assertEquals(9.687e-13, PeakRate.paperA6000().joulesPerFlop(), 1e-16);
        assertTrue(PeakRate.paperA6000().source().contains("footnote 5"));
    }
}
