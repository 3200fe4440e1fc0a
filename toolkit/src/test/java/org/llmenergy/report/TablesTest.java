package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.paper.PaperFitEstimator;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.workload.BinCount;
import org.llmenergy.workload.LengthStats;
import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void table4SavingsComputedFromItsColumnsAreThePapersText() {
        Table t = OverheadTables.table4().table();
        assertEquals(List.of("BurstGPT", "Azure Code", "Azure Conversation"), t.stringColumn("dataset").asList());
        double[] expected = {73.00, 37.58, 72.18};
        for (int r = 0; r < 3; r++) {
            assertEquals(expected[r], t.doubleColumn("vLLM saving over PyTorch % (computed)").get(r), 0.005);
            assertEquals(expected[r], t.doubleColumn("saving % (paper text)").get(r), 0.005);
        }
        assertEquals(506.52, t.doubleColumn("PyTorch % above theoretical").get(0), 0);
        assertEquals(26.59, t.doubleColumn("vLLM % above theoretical").get(1), 0);
    }

    @Test
    void lengthTablesShowThePapersRowsThenOurs() {
        TraceSummary s = new TraceSummary("mine", null, new LengthStats(1000, 123.456, 10.0, 100, 400, 1, 900),
                new LengthStats(1000, 50.0, 5.0, 40, 200, 1, 300), null, null, List.of());
        Table t1 = LengthTables.table1(List.of(s)).table();
        assertEquals(4, t1.rowCount());
        assertEquals("BurstGPT", t1.stringColumn("dataset").get(0));
        assertEquals(256.80, t1.doubleColumn("mean").get(0), 0);
        assertTrue(t1.longColumn("requests").isMissing(0), "the paper gives no request count");
        assertEquals("mine", t1.stringColumn("dataset").get(3));
        assertEquals(123.46, t1.doubleColumn("mean").get(3), 0);
        assertEquals(1000, t1.longColumn("requests").get(3));
        assertEquals("ours (trace-count)", t1.stringColumn("source").get(3));
        Table t2 = LengthTables.table2(List.of()).table();
        assertEquals(3, t2.rowCount());
        assertEquals(478, t2.doubleColumn("p99").get(0), 0);
        assertTrue(LengthTables.table2(List.of()).source().contains(Labels.PAPER_ONLY));
        assertEquals(3112, LengthTables.table3().table().intColumn("input max").get(2));
    }

    @Test
    void table5KeepsThePapersDashAsBlank() {
        Table t = HardwareTable.table5().table();
        assertEquals(3, t.rowCount());
        assertTrue(t.doubleColumn(5).isMissing(0));
        assertEquals(312, t.doubleColumn(5).get(2), 0);
        assertTrue(HtmlTable.of(t, "c").contains("Nvidia RTX A6000"));
    }

    @Test
    void derivedComparisonsRecomputeTheTextFromTheFigures() {
        Table gains = DerivedTables.frameworkGains().table();
        // A100 at batch 1: (0.097 - 0.068) / 0.097 = 29.90 %, the text's torch.compile gain
        assertEquals(29.90, gains.doubleColumn(1).get(0), 0.01);
        assertEquals(29.90, gains.doubleColumn(2).get(0), 0);
        assertEquals(25.0, gains.doubleColumn(3).get(0), 0.01);
        assertTrue(gains.doubleColumn(1).isMissing(2), "no PyTorch reading at batch 1 on the A6000");
        assertTrue(gains.stringColumn(5).get(2).contains("no PyTorch reading"));

        Table tp = DerivedTables.tensorParallel().table();
        assertEquals(1 / (1 - 0.4016) / 2, tp.doubleColumn(3).get(0), 0.0005);
        assertEquals(Math.round((0.097 - 0.072) / 0.072 * 10000) / 100.0, tp.doubleColumn(4).get(0), 0);

        Table spec = DerivedTables.speculative(List.of()).table();
        assertEquals(1, spec.intColumn(0).get(0));
        assertEquals(Math.round((0.06 - 0.086) / 0.086 * 10000) / 100.0, spec.doubleColumn(3).get(0), 0);
        assertTrue(spec.doubleColumn(4).isMissing(0));

        Table online = DerivedTables.onlineVsOffline().table();
        for (int r = 0; r < online.rowCount(); r++) {
            assertEquals(online.doubleColumn(2).get(r), online.doubleColumn(5).get(r), 0.01, "Figure 9's formula round-trips");
        }
        assertTrue(online.rowCount() >= 8, "Figure 5 has offline readings at most Figure 9 batch sizes");

        Table moe = DerivedTables.moe().table();
        assertEquals(Math.round((0.0156 - 0.0143) / 0.0143 * 10000) / 100.0, moe.doubleColumn(1).get(0), 0);
    }

    @Test
    void oursSpeculativeChangeAppearsWhenBothStrategiesWereMeasured() {
        Table t = DerivedTables.speculative(PaperFiguresTest.sweep(true)).table();
        // batch 1: speculative decode = 0.8 x greedy decode at I=16, O=8
        double pre = 1e-4 * 16 + 2e-5;
        double greedy = pre + 3e-4 * 8;
        double spec = pre + 3e-4 * 8 * 0.8;
        assertEquals(Math.round((spec - greedy) / greedy * 10000) / 100.0, t.doubleColumn(4).get(0), 0);
    }

    @Test
    void figure2FitTableAppliesThePapersSettingToOurBins() {
        List<BinCount> bins = List.of(new BinCount(512, 64, 100), new BinCount(2048, 8, 30));
        TraceSummary s = new TraceSummary("hand", "Azure Code", null, null, null, null, bins);
        ReportTable rt = OverheadTables.figure2Fit(List.of(s));
        Table t = rt.table();
        double expected = PaperFitEstimator.paperSetting().estimate(bins).percentAboveTheoretical().getAsDouble();
        assertEquals(Math.round(expected * 100) / 100.0, t.doubleColumn(5).get(0), 0);
        assertEquals(PaperNumbers.load().table4("Azure Code").vllmPercentAbove(), t.doubleColumn(7).get(0), 0);
        assertEquals(130, t.longColumn(2).get(0));
        assertTrue(rt.source().contains("model") && rt.source().contains("why they differ"), rt.source());
        List<TraceTotals> totals = OverheadTables.figure2FitTotals(List.of(s));
        assertEquals(expected, totals.get(0).percentAboveTheoretical(), 1e-9);
        assertEquals(Labels.MODEL_SOURCE, totals.get(0).provenance());
    }

    @Test
    void oursTableSaysWhenThereIsNothing() {
        ReportTable none = OverheadTables.ours(List.of());
        assertEquals(0, none.table().rowCount());
        assertTrue(none.caption().contains("none"));
        ReportTable one = OverheadTables.ours(List.of(new TraceTotals("t", "c", 3, 1, "rapl", "b", "")));
        assertEquals(200.0, one.table().doubleColumn("% above theoretical").get(0), 0);
        assertTrue(one.source().contains("rapl (measured)"), one.source());
    }
}
