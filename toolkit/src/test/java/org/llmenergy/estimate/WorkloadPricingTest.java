package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.LengthDistribution;
import org.llmenergy.workload.Trace;

/** Pricing on hand-computed cases, with a law of round coefficients behind the real adapter. */
class WorkloadPricingTest {
    @TempDir Path dir;

    /** prefill = 2 + 0.01 I J, decode = 0.1 J per decode token: (100, 11) costs 3 + 1 = 4 J. */
    private static final PhaseEnergyLaw LAW = new PhaseEnergyLaw(0, 2, 0.01, 0, 0, 0.1, 0);

    private static StaticBatchLaw model(double prefillSigma, double decodeSigma) {
        return new StaticBatchLaw("test-law", LAW, 8, prefillSigma, decodeSigma,
                Provenance.of(Provenance.Source.MODEL, Map.of()),
                (i, o, b) -> i > 150 ? List.of("input beyond 150") : List.of(),
                List.of(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "static batches of 8")));
    }

    private Trace trace(String rows) throws Exception {
        Path f = dir.resolve("t" + rows.hashCode() + ".csv");
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n" + rows);
        return Trace.open(f);
    }

    @Test
    void aSinglePairIsItsPerRequestEnergyTimesTheCount() {
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), new Workload.Pair(100, 11, 5));
        assertEquals(Interval.exact(20), p.total().orElseThrow());
        assertEquals(4, p.perRequest().orElseThrow().value(), 1e-12);
        assertEquals(20.0 / 55, p.perOutputToken().orElseThrow().value(), 1e-12);
        assertEquals(15, p.prefillJoules().getAsDouble(), 1e-12);
        assertEquals(5, p.decodeJoules().getAsDouble(), 1e-12);
        assertEquals(5, p.requests());
        assertEquals(55, p.outputTokens());
        assertFalse(p.partial());
        assertEquals(List.of(new FlagCount(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "static batches of 8"), 5)), p.flags());
    }

    @Test
    void aTraceIsPricedAtItsExactLengthsOncePerDistinctPairAndFailedRequestsAreCounted() throws Exception {
        Trace t = trace("2023-11-16 18:15:46.6805900,100,11\n2023-11-16 18:15:47.6805900,100,11\n"
                + "2023-11-16 18:15:48.6805900,200,1\n2023-11-16 18:15:49.6805900,50,0\n");
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), Workload.exactLengths(t));
        // 2 x 4 J + (2 + 0.01 x 200 + 0) J; the 0-token output is excluded, not priced as 0
        assertEquals(12, p.total().orElseThrow().value(), 1e-12);
        assertEquals(2, p.distinctShapes());
        assertEquals(3, p.requests());
        assertEquals(List.of(Exclusion.of("output of 0 tokens (a failed request)", 1, 50, 0)), p.exclusions());
        assertTrue(p.partial());
        // the flag of the one request beyond 150 input tokens is counted once, for that request
        assertTrue(p.flags().contains(new FlagCount(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, "input beyond 150"), 1)), p.flags().toString());
    }

    @Test
    void failedRequestsDroppedOnReadingAreStillCounted() throws Exception {
        Path f = dir.resolve("failed.csv");
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,100,11\n"
                + "2023-11-16 18:15:47.6805900,70,0\n");
        Trace t = Trace.open(f, org.llmenergy.workload.TraceOptions.DEFAULT.withDropFailed(true));
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), Workload.exactLengths(t));
        assertEquals(1, p.requests());
        assertEquals(List.of(new Exclusion("failed request (0 output tokens) dropped on reading, as asked", 1,
                OptionalLong.empty(), OptionalLong.of(0))), p.exclusions());
        assertTrue(p.excludedInputTokens().isEmpty(), "the reader does not keep a dropped request's prompt");
    }

    @Test
    void thePapersBinsExcludeAndCountRequestsOutsideTheGridWithTheirTokens() throws Exception {
        Trace t = trace("2023-11-16 18:15:46.6805900,100,11\n2023-11-16 18:15:47.6805900,9000,20\n"
                + "2023-11-16 18:15:48.6805900,100,600\n2023-11-16 18:15:49.6805900,9000,700\n"
                + "2023-11-16 18:15:50.6805900,10000,30\n");
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), Workload.binned(t, Binning.paper()));
        // (100, 11) is priced at its bin's edges (128, 16): 2 + 1.28 + 15 x 0.1
        assertEquals(2 + 1.28 + 1.5, p.total().orElseThrow().value(), 1e-12);
        assertTrue(p.binned());
        assertEquals(1, p.requests());
        assertEquals(4, p.excludedRequests());
        assertEquals(List.of(
                Exclusion.of("outside the paper bin grid: input > 8192 tokens", 2, 19000, 50),
                Exclusion.of("outside the paper bin grid: output > 512 tokens", 1, 100, 600),
                Exclusion.of("outside the paper bin grid: input > 8192 and output > 512 tokens", 1, 9000, 700)), p.exclusions());
        assertEquals(OptionalLong.of(28100), p.excludedInputTokens());
        assertEquals(OptionalLong.of(1350), p.excludedOutputTokens());
    }

    @Test
    void theIntervalOfASumAddsTheRequestsEndsPhaseByPhase() {
        double sp = 0.1;
        double sd = 0.3;
        WorkloadPrice p = WorkloadPricing.price(model(sp, sd), new Workload.Pair(100, 11, 5));
        double up = Math.exp(StaticBatchLaw.Z90 * sp);
        double ud = Math.exp(StaticBatchLaw.Z90 * sd);
        Interval t = p.total().orElseThrow();
        assertEquals(5 * (3 / up + 1 / ud), t.low(), 1e-9);
        assertEquals(5 * (3 * up + 1 * ud), t.high(), 1e-9);
        assertEquals(t.low() / 5, p.perRequest().orElseThrow().low(), 1e-12);
    }

    @Test
    void requestsTheModelCannotPriceAreExcludedByReasonAndNothingPricedIsEmptyNotZero() {
        BatchEnergiesModel energies = new BatchEnergiesModel(List.of(
                new BatchEnergy(128, 16, 4, 8.0, Provenance.of(Provenance.Source.NVML_COUNTER, Map.of())),
                new BatchEnergy(128, 16, 4, 12.0, Provenance.of(Provenance.Source.NVML_COUNTER, Map.of()))), "e.csv");
        WorkloadPrice inside = WorkloadPricing.price(energies, new Workload.Pair(100, 11, 2));
        // the mean of the repeats, 10 J per batch of 4, per request; the interval is the repeats' range
        assertEquals(new Interval(5, 4, 6), inside.total().orElseThrow());
        assertTrue(inside.prefillJoules().isEmpty(), "a batch energy has no prefill/decode split");
        WorkloadPrice outside = WorkloadPricing.price(energies, new Workload.Pair(200, 11, 3));
        assertTrue(outside.total().isEmpty());
        assertTrue(outside.perRequest().isEmpty());
        assertEquals(3, outside.excludedRequests());
        assertEquals(OptionalLong.of(600), outside.excludedInputTokens());
        assertTrue(outside.exclusions().get(0).reason().startsWith("outside the energies' bin grid"), outside.exclusions().toString());
    }

    @Test
    void anOutputHistogramCarriesItsInputAssumptionForEveryRequest() {
        var h = new Workload.OutputHistogram(LengthDistribution.of(11, 11, 21), 100, "assumed by the test", "hist");
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), h);
        assertEquals(2 * 4 + (3 + 2), p.total().orElseThrow().value(), 1e-12);
        assertTrue(p.flags().contains(new FlagCount(h.assumption(), 3)), p.flags().toString());
    }

    @Test
    void theBaselineIsSummedOverThePricedRequests() {
        var baseline = new TheoreticalEstimator(FlopsModel.of(Presets.get("llama-3.1-8b")),
                PeakRate.of(GpuCatalog.builtIn().get("H100-SXM5-80GB"), Sparsity.DENSE));
        WorkloadPrice p = WorkloadPricing.price(model(0, 0), new Workload.Pair(100, 11, 5), baseline);
        assertEquals(5 * baseline.joules(100, 11), p.theoreticalJoules().getAsDouble(), 1e-9);
        assertTrue(p.theoreticalJoules().getAsDouble() > 0);
    }

    @Test
    void distinctFlagDetailsAreCappedPerKindAndTheRestCounted() {
        StaticBatchLaw noisy = new StaticBatchLaw("noisy", LAW, 8, 0, 0, Provenance.of(Provenance.Source.MODEL, Map.of()),
                (i, o, b) -> List.of("input " + i), List.of());
        var counts = new org.llmenergy.workload.LengthPairCounts();
        for (int i = 1; i <= 40; i++) counts.add(i, 5, 1);
        WorkloadPrice p = WorkloadPricing.price(noisy, new Workload.ExactLengths(counts, "many"));
        assertEquals(WorkloadPricing.MAX_DETAILS_PER_KIND + 1, p.flags().size(), p.flags().toString());
        assertEquals(40, p.flags().stream().mapToLong(FlagCount::requests).sum());
    }
}
