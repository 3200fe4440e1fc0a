package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.estimate.BinnedEstimator;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.spec.DecodingStrategy;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.spec.Shard;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.units.Energy;
import org.llmenergy.workload.BinCount;

/** The adapter on a real results file, written by a sweep of the test-only "synthetic" engine. */
class MeasuredPointsTest {
    @TempDir
    static Path dir;
    static List<ResultRecord> records;

    static final String SPEC = """
            {"name": "report-adapter", "engine": "synthetic", "models": ["m"],
             "decoding": ["greedy", {"strategy": "beam", "beamWidth": 2}],
             "cells": {"grid": {"batch": [1, 4], "input": [16, 64], "output": [1, 8]}},
             "protocol": {"repeats": 2, "warmupBatches": 1, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                          "examplesPerCell": 8}}
            """;

    @BeforeAll
    static void sweep() throws Exception {
        SweepSpec spec = SpecReader.parse(SPEC, "report-adapter.json", null);
        Path out = dir.resolve("results.jsonl");
        try (Backend b = Backends.create(spec)) {
            new SweepRunner(spec, b).shard(Shard.ALL).sleeper(s -> {}).run(out);
        }
        Files.writeString(out, "{\"torn", java.nio.file.StandardOpenOption.APPEND);
        records = MeasuredPoints.read(out);
    }

    @Test
    void repeatsOfACellAverageIntoOnePointInTheFiguresUnits() {
        assertEquals(16 * 2, records.size(), "16 cells x 2 repeats; the torn line is skipped");
        List<SweepPoint> points = MeasuredPoints.sweepPoints(records, EnergyBasis.GROSS);
        assertEquals(16, points.size());
        SweepPoint p = points.stream().filter(x -> x.batch() == 4 && x.input() == 64 && x.output() == 8 && x.decoding().equals("greedy"))
                .findFirst().orElseThrow();
        List<ResultRecord> cell = records.stream().filter(r -> r.cellKey().equals(records.stream()
                .filter(x -> x.cell().input() == 64 && x.cell().output() == 8 && x.measurement().batchSize() == 4
                        && x.cell().decoding().strategy() == DecodingStrategy.GREEDY).findFirst().orElseThrow().cellKey())).toList();
        assertEquals(2, cell.size());
        double prefill = cell.stream().mapToDouble(r -> r.measurement().energy().prefill().gross().per1024J()).average().orElseThrow();
        double decode = cell.stream().mapToDouble(r -> r.measurement().energy().decode().gross().per1024J()).average().orElseThrow();
        assertEquals(Energy.toKwh(prefill), p.prefillKwh().getAsDouble(), 1e-18);
        assertEquals(Energy.toKwh(decode), p.decodeKwh().getAsDouble(), 1e-18);
        assertEquals(p.prefillKwh().getAsDouble() + p.decodeKwh().getAsDouble(), p.totalKwh().getAsDouble(), 1e-15);
        assertEquals(2, p.repeats());
        assertEquals("model", p.provenance());
        assertEquals("m cpu fp32 (synthetic)", p.configuration());
        assertTrue(p.batchSeconds().isPresent());
        assertTrue(p.notes().isEmpty(), p.notes().toString());
    }

    @Test
    void anAbsentResultsFileReadsAsNoRecords() throws Exception {
        assertTrue(MeasuredPoints.readIfPresent(dir.resolve("none.jsonl")).isEmpty());
        assertEquals(records.size(), MeasuredPoints.readIfPresent(dir.resolve("results.jsonl")).size());
    }

    @Test
    void aMissingEnergyIsEmptyWithWhyNeverZero() {
        List<SweepPoint> points = MeasuredPoints.sweepPoints(records, EnergyBasis.GROSS);
        SweepPoint oneToken = points.stream().filter(x -> x.output() == 1).findFirst().orElseThrow();
        assertTrue(oneToken.decodeKwh().isEmpty());
        assertTrue(oneToken.notes().stream().anyMatch(n -> n.startsWith("decode: 2 of 2 repeats left out") && n.contains("no decode step")),
                oneToken.notes().toString());
        // no idle baseline was measured, so net figures are missing, with the reason
        SweepPoint net = MeasuredPoints.sweepPoints(records, EnergyBasis.NET).get(0);
        assertTrue(net.prefillKwh().isEmpty());
        assertTrue(net.notes().stream().anyMatch(n -> n.contains("prefill: 2 of 2 repeats left out")), net.notes().toString());
    }

    @Test
    void pointsFeedTheDecodingAndSweepFigures() {
        List<SweepPoint> points = MeasuredPoints.sweepPoints(records, EnergyBasis.GROSS);
        Panel fig3 = DecodingStrategyFigure.panel(points);
        assertTrue(fig3.plot().plottedNames().contains("beam(beamWidth=2) · ours (model, estimate)"), fig3.plot().plottedNames().toString());
        Panel prefill = ControlledSweepFigures.figure2(points.stream().filter(p -> p.decoding().equals("greedy")).toList()).get(0);
        assertArrayEquals(new double[] {16, 64}, prefill.plot().plottedX("BS4 · ours (model, estimate)"), 1e-9);
    }

    @Test
    void batchEnergiesFeedTheBinnedEstimatorAndRefuseMixedConfigurations() {
        List<ResultRecord> greedy = records.stream().filter(r -> r.cell().decoding().strategy() == DecodingStrategy.GREEDY).toList();
        List<BatchEnergy> energies = MeasuredPoints.batchEnergies(greedy, EnergyBasis.GROSS);
        assertEquals(16, energies.size(), "one per repeat of the 8 greedy cells");
        ResultRecord r = greedy.get(0);
        assertEquals(r.measurement().energy().total().gross().joules() / r.measurement().batches(), energies.get(0).energyJoules(), 1e-12);
        WorkloadEstimate e = BinnedEstimator.paper().estimate(List.of(new BinCount(64, 8, 10), new BinCount(16, 1, 3)), energies);
        assertFalse(e.partial());
        double perRequest64x8 = energies.stream().filter(b -> b.inputBin() == 64 && b.outputBin() == 8 && b.batchSize() == 4)
                .mapToDouble(BatchEnergy::joulesPerRequest).average().orElseThrow();
        assertEquals(10 * perRequest64x8, e.bins().stream().filter(b -> b.inputBin() == 64).findFirst().orElseThrow()
                .energyJoules().getAsDouble(), 1e-9);
        var err = assertThrows(IllegalArgumentException.class, () -> MeasuredPoints.batchEnergies(records, EnergyBasis.GROSS));
        assertTrue(err.getMessage().contains("mix 2 configurations"), err.getMessage());
    }
}
