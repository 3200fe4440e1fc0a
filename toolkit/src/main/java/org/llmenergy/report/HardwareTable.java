package org.llmenergy.report;

import org.llmenergy.estimate.paper.NodeHardware;
import org.llmenergy.estimate.paper.PaperNumbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Table 5: the paper's node hardware, with its own column labels. */
public final class HardwareTable {
    private HardwareTable() {}

    /** @return Table 5, id {@code table5-hardware} */
    public static ReportTable table5() {
        Table t = Table.create("Table 5", StringColumn.create("CPU"), StringColumn.create("RAM"), StringColumn.create("GPU"),
                DoubleColumn.create("GPU TDP (W)"), DoubleColumn.create("\"FP32 TFLOPS\" (as labelled)"),
                DoubleColumn.create("\"Bfloat16 TFLOPS\""), StringColumn.create("note"));
        for (NodeHardware h : PaperNumbers.load().table5()) {
            t.stringColumn(0).append(h.cpu());
            t.stringColumn(1).append(h.ram());
            t.stringColumn(2).append(h.gpu());
            t.doubleColumn(3).append(h.tdpWatts());
            t.doubleColumn(4).append(h.fp32TflopsAsLabelled());
            if (h.bf16Tflops().isPresent()) t.doubleColumn(5).append(h.bf16Tflops().getAsDouble());
            else t.doubleColumn(5).appendMissing();
            t.stringColumn(6).append(h.note());
        }
        return new ReportTable("table5-hardware", t, "Table 5 · node hardware (the paper's labels; a blank is a dash in the paper)",
                PaperNumbers.CITATION + ", Table 5; " + Labels.PAPER_PUBLISHED_SOURCE + " (as printed); notes from the project's"
                        + " digest of the paper");
    }
}
