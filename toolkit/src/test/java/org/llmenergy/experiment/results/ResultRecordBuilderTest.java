package org.llmenergy.experiment.results;

import static org.junit.jupiter.api.Assertions.*;

import org.llmenergy.experiment.spec.BatchSize;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.DecodingSpec;
import org.llmenergy.experiment.spec.EngineFlags;
import org.llmenergy.experiment.spec.ExperimentJson;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.model.Precision;
import org.junit.jupiter.api.Test;

class ResultRecordBuilderTest {
    static final Cell CELL = new Cell("synthetic", "m", ComputeDevice.CPU, Precision.FP32, EngineFlags.DEFAULT,
            DecodingSpec.GREEDY, BatchSize.LARGEST, 8, 8);
    static final FailureInfo OOM = new FailureInfo("oom", "warmup", 4, null, "out of memory", "OutOfMemoryError");

    @Test
    void aBuiltFailureIsTheRecordTheCanonicalConstructorMakesAndWritesTheSameLine() throws Exception {
        ResultRecord built = ResultRecord.builder().setSpec("h", "spec").setCell(3, CELL).setRepeats(2)
                .optIdle(IdlePower.missing("no idle window")).optShard("1/2").setTimes("t0", "t1").failed(OOM);
        ResultRecord direct = new ResultRecord.Failed(ResultRecord.SCHEMA, "h", "spec", 3, CELL.key(), CELL, 2, null,
                OOM, IdlePower.missing("no idle window"), null, "1/2", "t0", "t1");
        assertEquals(direct, built);
        var mapper = ExperimentJson.mapper();
        assertEquals(mapper.writeValueAsString(direct), mapper.writeValueAsString(built));
    }

    @Test
    void toBuilderKeepsTheSharedFieldsAndAStoredKey() {
        ResultRecord r = ResultRecord.builder().setSpec("h", "spec").setCell(0, CELL).optCellKey("as-stored")
                .setRepeats(1).setTimes("a", "b").failed(OOM);
        ResultRecord copy = r.toBuilder().failed(OOM);
        assertEquals(r, copy);
        assertEquals("as-stored", copy.cellKey());
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        var noTimes = ResultRecord.builder().setSpec("h", "spec").setCell(0, CELL).setRepeats(1);
        assertTrue(assertThrows(IllegalStateException.class, () -> noTimes.failed(OOM)).getMessage().contains("setTimes"));
        var noSpec = ResultRecord.builder().setCell(0, CELL).setRepeats(1).setTimes("a", "b");
        assertTrue(assertThrows(IllegalStateException.class, () -> noSpec.failed(OOM)).getMessage().contains("setSpec"));
    }
}
