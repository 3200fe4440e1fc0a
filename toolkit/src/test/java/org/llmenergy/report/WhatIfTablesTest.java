package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.whatif.Comparison;
import org.llmenergy.estimate.whatif.Setup;
import org.llmenergy.estimate.whatif.WhatIf;

class WhatIfTablesTest {
    @Test
    void aComparisonIsTwoRowsWithIntervalsRatioAndFlags() {
        Setup base = Setup.parse("model=llama-3.1-8b,gpu=H100-SXM5-80GB,max-num-seqs=64");
        Comparison c = WhatIf.compare("H100 -> A100", base, base.with("gpu=A100-SXM4-40GB"), new Workload.Pair(512, 256, 1));
        ReportTable r = WhatIfTables.comparison(c);
        var t = r.table();
        assertEquals(2, t.rowCount());
        assertEquals(base.toString(), t.stringColumn("setting").get(0));
        assertEquals(1.0, t.doubleColumn("x first setting").get(0), 0);
        assertEquals(Math.round(1000 * c.ratio()) / 1000.0, t.doubleColumn("x first setting").get(1), 0);
        assertEquals(TableFormat.significant(c.alternative().total().low()), t.doubleColumn("low (J)").get(1), 0);
        assertTrue(t.stringColumn("flags").get(1).contains("uncalibrated_gpu"), t.stringColumn("flags").get(1));
        assertTrue(r.source().contains("calibration " + c.base().price().provenance().details().get("calibration_version")), r.source());
    }

    @Test
    void significantKeepsFourDigitsAtAnyScale() {
        assertEquals(0.1235, TableFormat.significant(0.123456), 0);
        assertEquals(123500, TableFormat.significant(123456), 0);
        assertEquals(0, TableFormat.significant(0), 0);
    }
}
