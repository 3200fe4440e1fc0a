package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.BatchResolution;
import org.llmenergy.experiment.results.ProbeAttempt;
import org.llmenergy.experiment.spec.BatchProbeSpec;
import org.llmenergy.experiment.spec.BatchSize;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.DecodingSpec;
import org.llmenergy.experiment.spec.EngineFlags;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.model.Precision;
import org.junit.jupiter.api.Test;

class BatchProberTest {
    static final Cell CELL = new Cell("synthetic", "m", ComputeDevice.CPU, Precision.FP32, EngineFlags.DEFAULT, DecodingSpec.GREEDY,
            BatchSize.LARGEST, 64, 64);

    static BatchResolution resolve(int fits, Integer predicted, boolean probeUp, int cap) throws Exception {
        SyntheticExecutor ex = new SyntheticExecutor(0, c -> fits, Set.of());
        BatchPredictor p = predicted == null ? BatchPredictor.NONE : c -> OptionalInt.of(predicted);
        return new BatchProber(ex, p, new BatchProbeSpec(probeUp, cap)).resolve(CELL);
    }

    static List<Integer> tried(BatchResolution r) { return r.attempts().stream().map(ProbeAttempt::batch).toList(); }

    @Test
    void overPredictionBisectsDown() throws Exception {
        BatchResolution r = resolve(37, 100, false, 1024);
        assertEquals(37, r.resolved());
        assertEquals(100, r.predicted());
        assertEquals(List.of(100, 50, 25, 37, 43, 40, 38), tried(r));
        assertTrue(r.attempts().stream().filter(a -> !a.fits()).allMatch(a -> a.error().contains("does not fit")));
    }

    @Test
    void aFittingPredictionIsTakenUnlessProbingUp() throws Exception {
        assertEquals(List.of(30), tried(resolve(37, 30, false, 1024)));
        assertEquals(30, resolve(37, 30, false, 1024).resolved());
        BatchResolution up = resolve(37, 30, true, 1024);
        assertEquals(37, up.resolved());
        assertEquals(List.of(30, 60, 45, 37, 41, 39, 38), tried(up));
    }

    @Test
    void withoutPredictionItDoublesFromOneUpToTheCap() throws Exception {
        BatchResolution r = resolve(5, null, false, 1024);
        assertEquals(5, r.resolved());
        assertNull(r.predicted());
        assertNotNull(r.predictionNote());
        assertEquals(List.of(1, 2, 4, 8, 6, 5), tried(r));
        BatchResolution capped = resolve(10_000, null, false, 16);
        assertEquals(16, capped.resolved());
        assertEquals(List.of(1, 2, 4, 8, 16), tried(capped));
        // a prediction above the cap starts at the cap
        assertEquals(List.of(16), tried(resolve(10_000, 500, false, 16)));
    }

    @Test
    void nothingFitsGivesNoResolvedBatch() throws Exception {
        BatchResolution r = resolve(0, 8, false, 1024);
        assertNull(r.resolved());
        assertEquals(List.of(8, 4, 2, 1), tried(r));
    }

    @Test
    void otherFailuresEndTheSearch() {
        CellExecutor broken = (cell, plan) -> {
            throw CellFailure.engineError(cell, "driver crashed", null);
        };
        CellFailure f = assertThrows(CellFailure.class,
                () -> new BatchProber(broken, BatchPredictor.NONE, BatchProbeSpec.DEFAULT).resolve(CELL));
        assertEquals(CellFailure.Kind.ENGINE_ERROR, f.kind());
    }

    @Test
    void probesRunOneFullLengthUnmeteredBatch() throws Exception {
        SyntheticExecutor ex = new SyntheticExecutor(0, c -> 3, Set.of());
        new BatchProber(ex, c -> OptionalInt.of(4), BatchProbeSpec.DEFAULT).resolve(CELL);
        for (RunPlan p : ex.calls) {
            assertEquals(RunPlan.Purpose.PROBE, p.purpose());
            assertEquals(1, p.batches());
            assertEquals(64, p.outputTokens());
            assertFalse(p.measureEnergy());
        }
    }
}
