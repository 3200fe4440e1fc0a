package org.llmenergy.experiment.djl;

import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.protocol.SweepSummary;
import org.llmenergy.experiment.results.EnergyAmounts;
import org.llmenergy.experiment.results.RepeatMeasurement;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.spec.SweepSpec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.units.Provenance;

/** A real sweep: the tiny preset on the CPU through DJL, measured with the CPU-time estimate meter. */
class DjlSweepTest {
    @TempDir Path dir;

    @Test
    void smallPresetSweepOnCpuRecordsLabelledEstimatesForEveryCellAndPhase() throws Exception {
        System.setProperty("llmenergy.meter", "cpu-estimate");
        try {
            SweepSpec spec = SpecReader.parse("""
                    {"name": "cpu-e2e", "engine": "djl", "models": ["tiny-15m"], "device": "cpu", "dtype": "fp32",
                     "decoding": ["greedy", {"strategy": "beam", "beamWidth": 2}],
                     "cells": {"grid": {"batch": [1, 2], "input": [16], "output": [4]}},
                     "protocol": {"repeats": 1, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0.2,
                                  "examplesPerCell": 2}}
                    """, "cpu-e2e.json", null);
            Path out = dir.resolve("results.jsonl");
            SweepSummary summary;
            try (Backend b = Backends.create(spec)) {
                summary = new SweepRunner(spec, b).sleeper(s -> {}).run(out);
            }
            List<ResultRecord> records = ResultsReader.read(out).records().stream().map(StoredRecord::typed).toList();
            assertEquals(4, records.size());
            for (ResultRecord r : records) assertNull(r.failure(), () -> "cell failed: " + r.failure());
            assertEquals(4, summary.cellsMeasured(), "2 decodings x 2 batch sizes");
            for (ResultRecord r : records) {
                assertEquals(ResultRecord.MEASUREMENT, r.type(), () -> "failed: " + r.failure());
                RepeatMeasurement m = r.measurement();
                assertEquals(2, m.examples());
                assertEquals(2L * 4, m.fullRun().outputTokens(), "forced output length");
                assertEquals(2L * 16, m.fullRun().inputTokens());
                assertTrue(m.fullRun().prefillS() > 0 && m.fullRun().decodeS() > 0);
                // which attention produced the work is part of each energy figure's provenance
                assertTrue(m.fullRun().energy().provenance().details().getOrDefault("attention", "")
                        .startsWith("fused scaled-dot-product attention"), m.fullRun().energy().provenance().toString());
                EnergyAmounts total = m.energy().total().gross();
                assertNotNull(total.joules(), () -> "missing: " + total.missingReason());
                assertTrue(total.joules() >= 0);
                assertEquals(Provenance.Source.CPU_TIME_ESTIMATE, total.provenance().source());
                assertTrue(total.provenance().isEstimate(), "an estimate must say so");
                EnergyAmounts prefillWindow = m.energy().prefillWindow().gross();
                assertTrue(prefillWindow.joules() != null || prefillWindow.missingReason() != null,
                        "a phase window is a number or a reason, never silently absent");
                assertEquals("djl", r.environment().executor().get("engine"));
            }
        } finally {
            System.clearProperty("llmenergy.meter");
        }
    }
}
