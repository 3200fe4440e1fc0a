package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.workload.TraceProfile;

class PaperSectionsTest {
    @TempDir
    Path dir;

    /** A small Azure-format trace: log-uniform inputs 10..10,000 and outputs 2..700 (some overflow the bins). */
    private TraceSummary generatedTrace(String table4Dataset) throws Exception {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
        for (int i = 0; i < 400; i++) {
            int in = (int) Math.round(Math.exp(Math.log(10) + r.nextDouble() * Math.log(1000)));
            int out = (int) Math.round(Math.exp(Math.log(2) + r.nextDouble() * Math.log(350)));
            csv.append("2023-11-16 18:15:46.6805900,").append(in).append(',').append(out).append('\n');
        }
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, csv);
        return TraceSummary.of("generated", table4Dataset, TraceProfile.of(f.toString()));
    }

    @Test
    void aTraceOfOursFlowsIntoTablesFigure7AndTheWholeTraceSection() throws Exception {
        TraceSummary t = generatedTrace("Azure Conversation");
        OurData ours = OurData.none().withTraces(List.of(t));
        ReportSection w = PaperSections.workloads(ours);
        assertEquals(List.of("fig07a-input-cdf-generated", "fig07b-output-cdf-generated"), w.panels().stream().map(Panel::id).toList(),
                "the Figure 7 trace replaces the paper-only panels");
        Plot input = w.panel("fig07a-input-cdf-generated").plot();
        assertTrue(input.plottedNames().contains("binned CDF · paper (digitised, approx.)"), "overlaid on the Azure Conversation trace");
        double[] binnedF = input.plottedY("binned CDF, generated · ours (trace-count)");
        assertEquals(1.0, binnedF[binnedF.length - 1], 1e-12, "excluded requests dropped, so the binned CDF reaches 1");
        assertEquals(4, w.table("table1-input-lengths").table().rowCount());

        ReportSection whole = PaperSections.wholeTrace(ours);
        Plot fig1 = whole.panel("fig01-trace-energy").plot();
        assertTrue(fig1.plottedNames().contains("Figure 2 fit (A6000, vLLM) · model (estimate)"), fig1.plottedNames().toString());
        var fit = whole.table("table4-figure2-fit").table();
        assertEquals(1, fit.rowCount());
        assertEquals(t.bins().stream().mapToLong(b -> b.requests()).sum(), fit.longColumn(2).get(0));
        assertEquals(64.22, fit.doubleColumn(7).get(0), 0);

        ReportSection other = PaperSections.workloads(OurData.none().withTraces(List.of(generatedTrace(null))));
        assertEquals(4, other.panels().size(), "paper-only Figure 7 panels stay when no trace is Azure Conversation");
        assertFalse(other.panel("fig07a-input-cdf-generated").plot().plottedNames().stream().anyMatch(n -> n.contains("paper")));
    }

    @Test
    void theReportHoldsEverySectionFigureAndTable() throws Exception {
        HtmlReport report = HtmlReport.titled("test");
        List<String> tableIds = new ArrayList<>();
        for (ReportSection s : PaperSections.all(OurData.none())) {
            report.add(s);
            s.tables().forEach(t -> tableIds.add(t.id()));
        }
        Path index = report.writeTo(dir.resolve("out"));
        String html = Files.readString(index);
        for (Figure f : report.figures()) {
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(f.id() + ".png")), f.id());
            assertTrue(html.contains("<img src=\"" + f.id() + ".png\""), f.id());
        }
        assertTrue(report.figures().size() >= 18, "every panel of Figures 1-12: " + report.figures().size());
        for (String id : List.of("table1-input-lengths", "table2-output-lengths", "table3-classical-tasks", "table4-above-theoretical",
                "table4-ours", "table4-figure2-fit", "table5-hardware", "derived-speculative", "derived-moe",
                "derived-framework-gains", "derived-tensor-parallel", "derived-online-offline")) {
            assertTrue(tableIds.contains(id), id);
        }
        assertTrue(html.contains("<h2>Whole-trace energy and Table 4</h2>"));
        assertTrue(html.contains("73.0"), "Table 4's computed saving is in the page");
        assertTrue(html.contains(Labels.PAPER_ONLY));
    }
}
