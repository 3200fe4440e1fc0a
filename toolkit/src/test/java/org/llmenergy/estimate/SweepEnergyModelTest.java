package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.experiment.Backend;
import org.llmenergy.experiment.Backends;
import org.llmenergy.experiment.ResultRecord;
import org.llmenergy.experiment.ResultsReader;
import org.llmenergy.experiment.SpecReader;
import org.llmenergy.experiment.StoredRecord;
import org.llmenergy.experiment.SweepRunner;
import org.llmenergy.experiment.SweepSpec;
import org.llmenergy.units.Provenance;

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
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("input 8192 beyond")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("output 512 beyond")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("batch 8 not measured")), reasons.toString());
    }

    @Test
    void withOneBatchSizeTheBatchTermsAreLeftOut() throws Exception {
        SweepEnergyModel m = SweepEnergyModel.fit(syntheticSweep("2"));
        assertEquals(99 * (0.5 / 2 + 0.01), m.decodeJoulesPerRequest(64, 100, 2), 1e-6);
        assertTrue(m.describe().contains("n*c/B=0"), m.describe());
    }

    @Test
    void tooFewCellsIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEnergyModel.fit(List.of()));
        assertTrue(e.getMessage().contains("measured cells"), e.getMessage());
    }
}
