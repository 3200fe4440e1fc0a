package org.llmenergy.report;

import java.util.List;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.TaskLengths;
import org.llmenergy.workload.LengthStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables 1–3: token-length statistics of the traces and of the classical tasks, the paper's rows beside ours. */
public final class LengthTables {
    private LengthTables() {}

    /**
     * @param ours traces of ours (their rows follow the paper's)
     * @return Table 1, input lengths, id {@code table1-input-lengths}
     */
    public static ReportTable table1(List<TraceSummary> ours) {
        return lengths("table1-input-lengths", "Table 1 · input length statistics (tokens)", PaperNumbers.load().inputLengths(),
                ours, true);
    }

    /**
     * @param ours traces of ours
     * @return Table 2, output lengths, id {@code table2-output-lengths}
     */
    public static ReportTable table2(List<TraceSummary> ours) {
        return lengths("table2-output-lengths", "Table 2 · output length statistics (tokens)", PaperNumbers.load().outputLengths(),
                ours, false);
    }

    /** @return Table 3, the classical tasks' tokenised lengths, paper only, id {@code table3-classical-tasks} */
    public static ReportTable table3() {
        Table t = Table.create("Table 3", StringColumn.create("task"), StringColumn.create("dataset"),
                DoubleColumn.create("input mean"), DoubleColumn.create("input std"), IntColumn.create("input max"),
                IntColumn.create("output tokens"), StringColumn.create("source"));
        for (TaskLengths r : PaperNumbers.load().classicalTasks()) {
            t.stringColumn("task").append(r.task());
            t.stringColumn("dataset").append(r.dataset());
            t.doubleColumn("input mean").append(r.inputMean());
            t.doubleColumn("input std").append(r.inputStd());
            t.intColumn("input max").append(r.inputMax());
            t.intColumn("output tokens").append(r.outputTokens());
            t.stringColumn("source").append(Labels.PAPER_PUBLISHED);
        }
        return new ReportTable("table3-classical-tasks", TableFormat.percentages(t), "Table 3 · classical NLP tasks, 1,024 sampled examples each (tokens)",
                PaperNumbers.CITATION + ", Table 3; " + Labels.PAPER_PUBLISHED_SOURCE + "; " + Labels.PAPER_ONLY);
    }

    private static ReportTable lengths(String id, String caption, List<org.llmenergy.estimate.paper.PublishedLengthRow> paper,
                                       List<TraceSummary> ours, boolean input) {
        Table t = Table.create(caption, StringColumn.create("dataset"), StringColumn.create("source"), LongColumn.create("requests"),
                DoubleColumn.create("mean"), DoubleColumn.create("std"), DoubleColumn.create("median"), DoubleColumn.create("p99"));
        for (var r : paper) {
            row(t, r.dataset(), Labels.PAPER_PUBLISHED, null, r.mean(), r.std(), r.median(), r.p99());
        }
        for (TraceSummary s : ours) {
            LengthStats l = input ? s.input() : s.output();
            if (l == null) continue;
            row(t, s.label(), Labels.ours(Labels.TRACE_COUNT), l.count(), TableFormat.round2(l.mean()), TableFormat.round2(l.std()), l.median(), l.p99());
        }
        String source = PaperNumbers.CITATION + (input ? ", Table 1" : ", Table 2") + "; " + Labels.PAPER_PUBLISHED_SOURCE + " (as printed)"
                + (ours.isEmpty() ? "; " + Labels.PAPER_ONLY : "; ours: counted from the traces named (sample std; numpy-style"
                + " linear percentiles), every request read, including those the binning excludes");
        return new ReportTable(id, t, caption, source);
    }

    private static void row(Table t, String dataset, String source, Long requests, double mean, double std, double median, double p99) {
        t.stringColumn("dataset").append(dataset);
        t.stringColumn("source").append(source);
        if (requests == null) t.longColumn("requests").appendMissing();
        else t.longColumn("requests").append(requests);
        t.doubleColumn("mean").append(mean);
        t.doubleColumn("std").append(std);
        t.doubleColumn("median").append(median);
        t.doubleColumn("p99").append(p99);
    }
}
