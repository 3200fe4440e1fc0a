package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.units.Interval;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

class SweepEnergyModelTest {
    @TempDir Path dir;

    /**
     * The test engine's energies follow prefill = 0.002 J x I per request and, per decode step of a batch,
     * 0.5 J + 0.01 J x B, i.e. k1 = 0.002, c = 0.5, d = 0.01 and every other term 0 in the model's form.
     */
    private List<ResultRecord> syntheticSweep(String batches) throws Exception {
        SweepSpec spec = SpecReader.parse("""
                {"engine": "synthetic", "models": ["m"],
                 "cells": {"controlled": {"batch": [%s], "inputs": {"fixedOutput": [8], "minInput": 16, "maxInput": 256},
                                          "outputs": {"fixedInput": [64], "minOutput": 2, "maxOutput": 64}}},
                 "protocol": {"repeats": 1, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                              "examplesPerCell": 4}}
                """.formatted(batches), "fit.json", null);
        Path out = dir.resolve("r-" + batches.replace(',', '_') + ".jsonl");
        try (Backend b = Backends.create(spec)) {
            new SweepRunner(spec, b).sleeper(s -> {}).run(out);
        }
        return ResultsReader.read(out).records().stream().map(StoredRecord::typed).toList();
    }

    @Test
    void recoversTheCoefficientsOfAKnownEnergyLaw() throws Exception {
        SweepEnergyModel m = SweepEnergyModel.fit(syntheticSweep("1, 4"));
        assertEquals(0.002 * 300, m.prefillJoulesPerRequest(300, 4), 1e-6);
        assertEquals(0.002 * 300, m.prefillJoulesPerRequest(300, 1), 1e-6, "prefill does not depend on B here");
        // 99 decode steps at B = 4: 99 x (0.5 / 4 + 0.01) per request
        assertEquals(99 * (0.5 / 4 + 0.01), m.decodeJoulesPerRequest(128, 100, 4), 1e-6);
        assertEquals(99 * (0.5 + 0.01), m.decodeJoulesPerRequest(128, 100, 1), 1e-6);
        assertEquals(0, m.decodeJoulesPerRequest(128, 1, 1), "one output token has no decode step");
        assertTrue(m.prefillRmsLogResidual() < 1e-6 && m.decodeRmsLogResidual() < 1e-6, m.describe());
    }

    @Test
    void batchEnergyIsLabelledAModelAndFlagsExtrapolation() throws Exception {
        SweepEnergyModel m = SweepEnergyModel.fit(syntheticSweep("1, 4"));
        BatchEnergy inside = m.batchEnergy(128, 32, 4);
        assertEquals(4 * m.requestJoules(128, 32, 4), inside.energyJoules(), 1e-9);
        assertEquals(Provenance.Source.MODEL, inside.provenance().source());
        assertEquals(1, inside.provenance().reasons().size(), inside.provenance().reasons().toString());
        BatchEnergy outside = m.batchEnergy(8192, 512, 8);
        List<String> reasons = outside.provenance().reasons();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("input beyond the largest measured (256)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("output beyond the largest measured (64)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("batch 8 not measured")), reasons.toString());
        // typed: a reader asks the flag instead of counting reasons
        assertFalse(inside.provenance().has(Provenance.Flag.EXTRAPOLATED));
        assertTrue(outside.provenance().has(Provenance.Flag.EXTRAPOLATED));
        // a model output is derived from the fit
        assertEquals(1, outside.provenance().derivedFrom().size());
        Provenance fit = outside.provenance().derivedFrom().get(0);
        assertTrue(fit.reasons().get(0).startsWith("modelled from our measurements ("), fit.reasons().toString());
        assertEquals(outside.provenance().details(), fit.details());
    }

    @Test
    void withOneBatchSizeTheBatchTermsAreLeftOut() throws Exception {
        SweepEnergyModel m = SweepEnergyModel.fit(syntheticSweep("2"));
        assertEquals(99 * (0.5 / 2 + 0.01), m.decodeJoulesPerRequest(64, 100, 2), 1e-6);
        assertTrue(m.describe().contains("n*c/B=0"), m.describe());
    }

    /** The adapter prices through WorkloadPricing with the same numbers as the law, flags counted per request. */
    @Test
    void asAnEnergyModelItPricesTheSameNumbersWithAnInterval() throws Exception {
        SweepEnergyModel m = SweepEnergyModel.fit(syntheticSweep("1, 4"));
        EnergyModel model = m.atBatch(4);
        assertEquals("sweep-fit", model.source());
        WorkloadPrice p = WorkloadPricing.price(model, new Workload.Bins(List.of(new BinCount(128, 32, 3), new BinCount(512, 8, 2)),
                List.of(), "bins"));
        double expected = 3 * (0.002 * 128 + 31 * (0.5 / 4 + 0.01)) + 2 * (0.002 * 512 + 7 * (0.5 / 4 + 0.01));
        Interval total = p.total().orElseThrow();
        assertEquals(expected, total.value(), 1e-6);
        // the synthetic law is exact, so the leave-one-cell-out residuals, and the interval, are tiny
        assertTrue(m.heldOut());
        assertTrue(total.high() - total.low() < 1e-6 * expected, total.toString());
        assertEquals(5, p.requests());
        assertEquals(List.of(new FlagCount(new EstimateFlag(EstimateFlag.Kind.EXTRAPOLATED, "input beyond the largest measured (256)"), 2)),
                p.flags());
        assertTrue(p.servingSeconds().isEmpty() && p.timeMissing().contains("does not model time"), p.timeMissing());
    }

    @Test
    void repeatsFlaggedInvalidAreLeftOutAndConfigurationsAreNotMixed() throws Exception {
        List<ResultRecord> sweep = syntheticSweep("1, 4");
        SweepEnergyModel clean = SweepEnergyModel.fit(sweep);
        // a second repeat of the first cell, with a prefill 100x too high and flagged invalid
        ResultRecord r = sweep.get(0);
        var m = r.measurement();
        var pf = m.energy().prefill();
        var g = pf.gross();
        Provenance invalid = Provenance.builder().setSource(g.provenance().source())
                .invalid("window overlapped a throttling event").build();
        var bad = new org.llmenergy.experiment.results.EnergyAmounts(g.joules() * 100, g.per1024J() * 100, g.perRequestJ() * 100,
                g.perTokenJ(), g.meanPowerW(), invalid, null);
        var figure = new org.llmenergy.experiment.results.PhaseEnergy(pf.method(), pf.seconds(), pf.requests(), pf.tokens(),
                pf.tokenKind(), bad, pf.net());
        var energy = new org.llmenergy.experiment.results.PhaseEnergies(m.energy().total(), figure, m.energy().decode(),
                m.energy().prefillWindow(), m.energy().decodeWindow());
        var measurement = new org.llmenergy.experiment.results.RepeatMeasurement(m.batchSize(), m.batches(), m.examples(), m.inputTokens(),
                m.outputTokens(), m.warmupBatches(), m.prefillRun(), m.fullRun(), energy, m.throughput());
        ResultRecord invalidRepeat = r.toBuilder().measured(1, measurement);
        List<ResultRecord> withInvalid = new java.util.ArrayList<>(sweep);
        withInvalid.add(invalidRepeat);
        SweepEnergyModel fitted = SweepEnergyModel.fit(withInvalid);
        assertEquals(clean.prefillJoulesPerRequest(300, 4), fitted.prefillJoulesPerRequest(300, 4), 1e-12);

        // the same cells measured for another model cannot be averaged in
        var c = r.cell();
        var other = new org.llmenergy.experiment.spec.Cell(c.engine(), "other-model", c.device(), c.dtype(), c.options(),
                c.decoding(), c.batch(), c.input(), c.output());
        List<ResultRecord> mixed = new java.util.ArrayList<>(sweep);
        mixed.add(r.toBuilder().setCell(r.cellIndex(), other).optCellKey(r.cellKey().replace("|m|", "|other-model|"))
                .measured(0, m));
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEnergyModel.fit(mixed));
        assertTrue(e.getMessage().contains("mix 2 configurations") && e.getMessage().contains("other-model"), e.getMessage());
    }

    @Test
    void tooFewCellsIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEnergyModel.fit(List.of()));
        assertTrue(e.getMessage().contains("measured cells"), e.getMessage());
    }
}
