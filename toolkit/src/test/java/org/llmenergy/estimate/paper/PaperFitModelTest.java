package org.llmenergy.estimate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.FlagCount;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.estimate.WorkloadPricing;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.units.Interval;
import org.llmenergy.workload.BinCount;

/** The paper-fit adapter: the numbers the Figure 2 fit gave before it became an EnergyModel, with a 90 % interval. */
class PaperFitModelTest {
    private final Figure2Fit fit = Figure2Fit.fit(PaperNumbers.load());
    private final Workload bins = new Workload.Bins(List.of(new BinCount(512, 64, 1000), new BinCount(2048, 128, 200)), List.of(), "bins");

    private WorkloadPrice price(String gpu, int batch) {
        return WorkloadPricing.price(PaperFitModel.of(fit, GpuCatalog.builtIn().get(gpu), new BatchSizePolicy.Fixed(batch)), bins);
    }

    @Test
    void onTheFittedGpuItIsTheFitWithAnInterval() {
        WorkloadPrice p = price("RTX-A6000", 64);
        double expected = 1000 * fit.requestJoules(512, 64, 64) + 200 * fit.requestJoules(2048, 128, 64);
        Interval t = p.total().orElseThrow();
        assertEquals(expected, t.value(), expected * 1e-12);
        // the value before the refactor (WhatIfEstimator, same bins, batch 64, same fit)
        assertEquals(42590.081769007105, t.value(), 1e-6);
        assertEquals(1000 * fit.prefillJoulesPerRequest(512, 64) + 200 * fit.prefillJoulesPerRequest(2048, 64),
                p.prefillJoules().getAsDouble(), expected * 1e-12);
        // 90 %: at least +-1.645 x the digitisation error, at most +-1.645 x (fit and digitisation) of the worse phase
        double lowest = Math.exp(-1.645 * Figure2Fit.DIGITIZATION_LOG_ERROR);
        assertTrue(t.low() < expected * lowest && t.low() > expected * Math.exp(-1.645 * fit.decodeLogSigma()) * 0.999, t.toString());
        assertTrue(p.flags().stream().noneMatch(f -> f.flag().kind() == EstimateFlag.Kind.UNCALIBRATED_GPU), p.flags().toString());
        assertEquals("paper-fit", p.source());
    }

    @Test
    void anotherGpuIsRescaledAndFlaggedUnvalidated() {
        WorkloadPrice h100 = price("H100-SXM5-80GB", 64);
        // the value before the refactor (WhatIfEstimator on the H100)
        assertEquals(17723.82168967958, h100.total().orElseThrow().value(), 1e-6);
        assertTrue(h100.total().orElseThrow().value() < price("RTX-A6000", 64).total().orElseThrow().value());
        assertTrue(h100.flags().stream().anyMatch(f -> f.flag().kind() == EstimateFlag.Kind.UNCALIBRATED_GPU
                && f.flag().detail().contains("UNVALIDATED") && f.requests() == 1200), h100.flags().toString());
    }

    @Test
    void theEstimateAndTheBaselineShareOneTransferRule() {
        GpuTransfer a6000 = GpuTransfer.to(GpuCatalog.builtIn().get("RTX-A6000"));
        assertTrue(a6000.isFittedGpu());
        assertEquals(1.0, a6000.computeScale(), 1e-12);
        assertEquals(1.0, a6000.memoryScale(), 1e-12);
        // The H100's price is the per-request sum of GpuTransfer.requestJoules: the rule Baselines applies too.
        GpuTransfer h100 = GpuTransfer.to(GpuCatalog.builtIn().get("H100-SXM5-80GB"));
        assertTrue(h100.computeScale() < 1 && h100.memoryScale() < 1, h100.toString());
        double expected = 1000 * h100.requestJoules(fit, 512, 64, 64) + 200 * h100.requestJoules(fit, 2048, 128, 64);
        assertEquals(expected, price("H100-SXM5-80GB", 64).total().orElseThrow().value(), expected * 1e-9);
    }

    @Test
    void batchesThatDoNotFitOrLieOutsideFigure2AreFlaggedPerRequest() {
        WorkloadPrice l4 = price("L4", 256);
        List<FlagCount> f = l4.flags();
        assertTrue(f.contains(new FlagCount(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, "batch 256 exceeds what the memory model fits on L4"), 1200)), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.flag().detail().startsWith("batch above Figure 2's largest (128)") && x.requests() == 1200), f.toString());
    }

    @Test
    void theDefaultBatchIsTheLargestThatFitsAndALengthThatFitsNoBatchIsExcluded() {
        var model = PaperFitModel.of(fit, GpuCatalog.builtIn().get("L4"), PaperFitModel.defaultBatches(GpuCatalog.builtIn().get("L4")));
        WorkloadPrice p = WorkloadPricing.price(model, new Workload.Pair(200_000, 10, 2));
        assertTrue(p.total().isEmpty());
        assertEquals(2, p.excludedRequests());
        assertTrue(p.exclusions().get(0).reason().startsWith("no batch fits the GPU's memory"), p.exclusions().toString());
    }
}
