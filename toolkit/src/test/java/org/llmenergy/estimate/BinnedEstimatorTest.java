package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

class BinnedEstimatorTest {
    private static final Provenance NVML = Provenance.of(Provenance.Source.NVML_COUNTER, Map.of());

    private static BatchEnergy e(int i, int o, int b, double j) { return new BatchEnergy(i, o, b, j, NVML); }

    @Test
    void exactRatioChargesThePartlyFilledLastBatchProRata() {
        // 10 requests in batches of 4 at 2 J per batch: 10/4 * 2 = 5 J
        WorkloadEstimate w = BinnedEstimator.paper().estimate(List.of(new BinCount(32, 8, 10)), List.of(e(32, 8, 4, 2.0)));
        assertEquals(5.0, w.totalJoules().getAsDouble(), 1e-12);
        assertEquals(2.5, w.bins().get(0).batches().getAsDouble(), 1e-12);
        assertFalse(w.partial());
    }

    @Test
    void ceilChargesThePartlyFilledLastBatchInFull() {
        // ceil(10/4) = 3 batches * 2 J
        WorkloadEstimate w = new BinnedEstimator(BatchCounting.CEIL, false)
                .estimate(List.of(new BinCount(32, 8, 10)), List.of(e(32, 8, 4, 2.0)));
        assertEquals(6.0, w.totalJoules().getAsDouble(), 1e-12);
        assertTrue(w.describe().contains("ceil"), w.describe());
    }

    @Test
    void missingBinMakesThePartialTotalSaySo() {
        List<BinCount> bins = List.of(new BinCount(32, 8, 10), new BinCount(128, 8, 5), new BinCount(128, 16, 7));
        WorkloadEstimate w = BinnedEstimator.paper().estimate(bins, List.of(e(32, 8, 4, 2.0), e(128, 16, 7, 14.0)));
        assertTrue(w.partial());
        assertTrue(w.totalJoules().isEmpty(), "a partial sum is not the total");
        assertEquals(5.0 + 14.0, w.coveredJoules(), 1e-12);
        assertEquals(1, w.missingBins());
        assertEquals(5, w.missingRequests());
        assertEquals(22, w.totalRequests());
        BinEstimate miss = w.missing().get(0);
        assertEquals(128, miss.inputBin());
        assertEquals(8, miss.outputBin());
        assertTrue(miss.energyJoules().isEmpty() && miss.batchSize().isEmpty());
        assertTrue(w.describe().startsWith("PARTIAL") && w.describe().contains("5 request"), w.describe());
    }

    @Test
    void repeatsAtTheLargestBatchAreAveragedAndSmallerBatchesIgnored() {
        List<BatchEnergy> energies = List.of(e(32, 8, 2, 100.0), e(32, 8, 4, 2.0), e(32, 8, 4, 4.0));
        WorkloadEstimate w = BinnedEstimator.paper().estimate(List.of(new BinCount(32, 8, 8)), energies);
        BinEstimate b = w.bins().get(0);
        assertEquals(4, b.batchSize().getAsInt());
        assertEquals(3.0, b.batchEnergyJoules().getAsDouble(), 1e-12);
        assertEquals(2, b.measurements());
        assertEquals(6.0, w.totalJoules().getAsDouble(), 1e-12);
        assertEquals("2", b.provenance().details().get("repeats"));
    }

    @Test
    void interpolationOnlyWhenAskedAndLabelled() {
        // per request: 0.5 J at I*=32 and 2 J at I*=128; log-log midpoint at 64 is 1 J
        List<BatchEnergy> energies = List.of(e(32, 8, 4, 2.0), e(128, 8, 2, 4.0));
        List<BinCount> bins = List.of(new BinCount(64, 8, 6));
        WorkloadEstimate strict = BinnedEstimator.paper().estimate(bins, energies);
        assertTrue(strict.partial());

        WorkloadEstimate w = new BinnedEstimator(BatchCounting.EXACT, true).estimate(bins, energies);
        BinEstimate b = w.bins().get(0);
        assertEquals(BinEstimate.Status.INTERPOLATED, b.status());
        assertEquals(6.0, w.totalJoules().getAsDouble(), 1e-9);
        assertEquals(2, b.batchSize().getAsInt(), "the smaller neighbour batch");
        assertEquals(Provenance.Source.MODEL, b.provenance().source());
        assertTrue(b.note().contains("interpolated"), b.note());
        assertTrue(w.describe().contains("INTERPOLATED"), w.describe());
    }

    @Test
    void interpolationFallsBackToTheColumnAndNeverExtrapolates() {
        List<BatchEnergy> energies = List.of(e(32, 8, 4, 4.0), e(32, 32, 4, 16.0));
        WorkloadEstimate w = new BinnedEstimator(BatchCounting.EXACT, true)
                .estimate(List.of(new BinCount(32, 16, 4), new BinCount(32, 64, 4)), energies);
        assertEquals(BinEstimate.Status.INTERPOLATED, w.bins().get(0).status());
        assertEquals(8.0, w.bins().get(0).energyJoules().getAsDouble(), 1e-9); // per request sqrt(1 * 4) = 2 J
        assertEquals(BinEstimate.Status.MISSING, w.bins().get(1).status(), "64 lies beyond the measured 32");
        assertEquals(4, w.missingRequests());
    }

    @Test
    void emptyBinsAreSkippedAndDuplicatesRejected() {
        WorkloadEstimate w = BinnedEstimator.paper().estimate(List.of(new BinCount(32, 8, 0)), List.of());
        assertTrue(w.bins().isEmpty());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> BinnedEstimator.paper()
                .estimate(List.of(new BinCount(32, 8, 1), new BinCount(32, 8, 2)), List.of(e(32, 8, 1, 1))));
        assertTrue(ex.getMessage().contains("twice"), ex.getMessage());
    }

    @Test
    void zeroEnergyIsNotAMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> e(32, 8, 4, 0.0));
        assertThrows(IllegalArgumentException.class, () -> e(32, 8, 4, Double.NaN));
    }
}
