package org.llmenergy.reproduce;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.data.DatasetCatalog;
import org.llmenergy.data.DatasetEntry;
import org.llmenergy.estimate.paper.OverheadRow;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.experiment.protocol.Backend;
import org.llmenergy.experiment.protocol.Backends;
import org.llmenergy.experiment.results.ResultRecord;
import org.llmenergy.experiment.results.ResultsReader;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.results.StoredRecord;
import org.llmenergy.experiment.protocol.SweepRunner;
import org.llmenergy.experiment.spec.SweepSpec;
import org.llmenergy.report.Figure;
import org.llmenergy.report.HtmlReport;
import org.llmenergy.report.OverheadTables;
import org.llmenergy.report.PricedTrace;
import org.llmenergy.report.ReportSection;
import org.llmenergy.report.ReportTable;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.TraceProfile;

class ReproductionTest {
    /** A sample named as the catalog's Azure 2023 conversation trace, which is how a path is recognised as it. */
    private static final String CONV_FILE_NAME = "AzureLLMInferenceTrace_conv.csv";

    @TempDir Path dir;

    /** An Azure-format trace with log-uniform lengths, some past the paper's largest bins. */
    private Path trace(String name, int requests) throws Exception {
        Random r = new Random(11);
        StringBuilder csv = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
        for (int i = 0; i < requests; i++) {
            int in = (int) Math.round(Math.exp(Math.log(10) + r.nextDouble() * Math.log(1000)));
            int out = (int) Math.round(Math.exp(Math.log(2) + r.nextDouble() * Math.log(350)));
            csv.append("2023-11-16 18:15:46.6805900,").append(in).append(',').append(out).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, csv);
        return f;
    }

    /** A sweep of the test engine (energies follow a known law), so the layout can fit a model to it. */
    private List<ResultRecord> syntheticSweep() throws Exception {
        SweepSpec spec = SpecReader.parse("""
                {"engine": "synthetic", "models": ["m"],
                 "cells": {"controlled": {"batch": [1, 4], "inputs": {"fixedOutput": [8], "minInput": 16, "maxInput": 256},
                                          "outputs": {"fixedInput": [64], "minOutput": 2, "maxOutput": 64}}},
                 "protocol": {"repeats": 1, "warmupBatches": 0, "cooldownSeconds": 0, "idleBaselineSeconds": 0,
                              "examplesPerCell": 4}}
                """, "layout.json", null);
        Path out = dir.resolve("sweep.jsonl");
        try (Backend b = Backends.create(spec)) {
            new SweepRunner(spec, b).sleeper(s -> {}).run(out);
        }
        return ResultsReader.read(out).records().stream().map(StoredRecord::typed).toList();
    }

    @Test
    void oneReadGivesWhatTwoProfilesGave() throws Exception {
        Path f = trace(CONV_FILE_NAME, 500);
        TraceReading once = TraceReading.read(f.toString());
        TraceProfile paper = TraceProfile.of(f.toString(), Binning.paper());
        TraceProfile figure7 = TraceProfile.of(f.toString(), Binning.figure7());
        assertEquals(paper.read(), once.profile().read());
        assertEquals(paper.binned().counts(), once.profile().binned().counts());
        assertEquals(paper.inputStats(), once.profile().inputStats());
        assertEquals(figure7.binned().counts(), once.figure7Bins().counts());
        assertNotEquals(once.profile().binned().counts(), once.figure7Bins().counts(), "Figure 7 has no 64-token output bin");
        double[] expectedX = figure7.binned().outputCdf().stream().mapToDouble(c -> c.tokens()).toArray();
        assertArrayEquals(expectedX, once.summary().outputCdf().binnedX(), "Figure 7's binned CDF from the Figure-7 bins");
        assertEquals(paper.read().requests(), once.pairs().requests(), "every request counted at its exact lengths, overflow included");
        assertTrue(once.pairs().distinctPairs() > once.profile().binned().counts().size());
        assertEquals("Azure Conversation", once.table4Dataset());
        assertEquals("Azure Conversation", once.summary().table4Dataset());
    }

    @Test
    void anEmptyTraceIsAClearError() throws Exception {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n");
        var e = assertThrows(IllegalStateException.class, () -> TraceReading.read(f.toString()));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("no requests"), e.getMessage());
    }

    @Test
    void everyPaperNameInTheCatalogIsATable4RowAndFigure7DrawsOneOfThem() {
        Set<String> rows = PaperNumbers.load().table4().stream().map(OverheadRow::dataset).collect(Collectors.toSet());
        Set<String> named = DatasetCatalog.load().entries().stream().map(DatasetEntry::paperName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertEquals(rows, named);
        assertTrue(rows.contains(PaperNumbers.load().figure(7).trace()), PaperNumbers.load().figure(7).trace());
    }

    @Test
    void tracesMapToTheirTable4Rows() {
        assertEquals("Azure Conversation", TraceReading.table4Dataset("azure-conv-2023"));
        assertEquals("Azure Code", TraceReading.table4Dataset("/data/AzureLLMInferenceTrace_code_1week.csv"));
        assertEquals("BurstGPT", TraceReading.table4Dataset("burstgpt-without-fails-2"));
        assertNull(TraceReading.table4Dataset("my-trace.jsonl"));
    }

    @Test
    void theLayoutPlacesEverySectionAndOurAdditionsExplicitly() throws Exception {
        List<TraceReading> traces = List.of(TraceReading.read(trace(CONV_FILE_NAME, 400).toString()),
                TraceReading.read(trace("other.csv", 300).toString()));
        ReportSection calibrated = new ReportSection("Calibrated model vs public measurements", "test", List.of(), List.of());
        ReproductionReport report = Reproduction.layout(traces, syntheticSweep(), 4, calibrated);
        assertEquals(List.of("Workloads", "Controlled sweeps", "Decoding strategies", "Architecture, frameworks and optimisations",
                "Parallelism", "Whole-trace energy and Table 4", "Online vs offline serving", "Hardware",
                "Calibrated model vs public measurements"), report.headings());

        ReportPart workloads = report.parts().get(0);
        assertEquals(List.of("bins-" + CONV_FILE_NAME, "bins-other.csv"), workloads.figures().stream().map(Figure::id).toList(),
                "one heat map per trace, after the workloads section");

        ReportPart whole = report.parts().get(5);
        ReportTable ours = whole.tables().get(0);
        assertEquals("whole-trace-sweep-fit", ours.id());
        assertEquals(2, ours.table().rowCount());
        assertEquals(traces.get(0).profile().binned().total(), ours.table().longColumn("requests").get(0));
        assertTrue(ours.table().doubleColumn("energy_J").get(0) > 0);
        assertTrue(ours.table().longColumn("extrapolated_bins").get(0) > 0, "bins past 256 input tokens are extrapolated");
        assertTrue(whole.notes().get(0).startsWith("Ours: an energy model"), whole.notes().toString());
        assertTrue(whole.notes().get(1).startsWith("Why the Figure 2 fit"), "the first trace has a Table 4 row");
        assertTrue(report.parts().stream().skip(1).filter(p -> p != whole).allMatch(p -> p.tables().isEmpty() && p.figures().isEmpty()));

        HtmlReport html = report.html();
        String page = html.html();
        assertTrue(page.indexOf("<h2>Whole-trace energy and Table 4</h2>") < page.indexOf("Whole-trace energy: ours (cpu sweep")
                && page.indexOf("Whole-trace energy: ours (cpu sweep") < page.indexOf("<h2>Online vs offline serving</h2>"), "ours sits in its section");
        assertTrue(page.contains("Our measurements: "), "the preface describes the sweep");
    }

    @Test
    void theWholeTraceAnalysisIsRedoneWithTheCalibratedModelOnEachGpuAtExactLengths() throws Exception {
        TraceReading t = TraceReading.read(trace(CONV_FILE_NAME, 300).toString());
        List<PricedTrace> priced = CalibratedComparison.wholeTrace(List.of(t));
        assertEquals(List.of("RTX-A6000", "H100-SXM5-80GB"), priced.stream().map(PricedTrace::gpu).toList());
        for (PricedTrace p : priced) {
            assertEquals(300, p.price().requests(), "requests past the paper's bins are priced too");
            assertEquals(0, p.price().excludedRequests());
            assertTrue(p.theoreticalJoules() < p.joules().value(), "the FLOPs x TDP baseline is a lower bound");
            assertTrue(p.joules().low() < p.joules().value() && p.joules().value() < p.joules().high());
        }
        assertTrue(priced.get(0).totals().note().contains("uncalibrated_gpu"), "the A6000 has no public calibration data");
        assertFalse(priced.get(1).totals().note().contains("uncalibrated_gpu"));
        var table = OverheadTables.calibrated(priced).table();
        assertEquals(2, table.rowCount());
        assertEquals(64.22, table.doubleColumn("Table 4 vLLM % (paper, A6000)").get(0), 0);
        assertEquals(priced.get(1).percentAboveTheoretical().value(), table.doubleColumn("% above theoretical").get(1), 0.005);
    }
}
