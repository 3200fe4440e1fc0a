package org.llmenergy.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.TensorParallelComparison;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's comparisons recomputed with {@code Comparisons} from the values read off its figures, beside the
 * numbers its text states: a check of the digitised values and of the formulas. Readings are approximate, so the
 * recomputed percentages are too.
 */
public final class DerivedTables {
    private static final String DIGITISED = PaperNumbers.CITATION + "; computed from " + Labels.PAPER_DIGITIZED_SOURCE + " values ("
            + PaperNumbers.DIGITIZED_ACCURACY + ")";

    private DerivedTables() {}

    /**
     * Speculative against autoregressive decoding per batch size, {@code (E_spec − E_ar) / E_ar × 100}, from Figure 3;
     * ours where the cells hold greedy and speculative decoding at the same batch and shape.
     *
     * @param ours decoding cells (may be empty)
     * @return id {@code derived-speculative}
     */
    public static ReportTable speculative(List<SweepPoint> ours) {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(3);
        PaperSeries ar = f.series().get(0);
        PaperSeries spec = f.series("", "speculative").orElseThrow();
        Table t = Table.create("speculative", IntColumn.create("batch size"), DoubleColumn.create("autoregressive (kWh, paper)"),
                DoubleColumn.create("speculative (kWh, paper)"), DoubleColumn.create("speculative change % (paper, computed)"),
                DoubleColumn.create("speculative change % (ours)"));
        Optional<int[]> shape = SweepSeries.fixedShape(ours);
        for (PaperPoint a : ar.points()) {
            int b = (int) a.x().getAsDouble();
            OptionalDouble s = at(spec, b);
            if (s.isEmpty()) continue;
            t.intColumn(0).append(b);
            t.doubleColumn(1).append(a.y());
            t.doubleColumn(2).append(s.getAsDouble());
            t.doubleColumn(3).append(TableFormat.round2(Comparisons.speculativeChangePercent(a.y(), s.getAsDouble())));
            OptionalDouble mine = shape.isPresent() ? oursChange(ours, shape.get(), b) : OptionalDouble.empty();
            if (mine.isPresent()) t.doubleColumn(4).append(TableFormat.round2(mine.getAsDouble()));
            else t.doubleColumn(4).appendMissing();
        }
        String caption = "Speculative vs autoregressive decoding by batch size (negative: speculative saves energy). The paper's text"
                + " states up to " + paper.text("speculative-saving-small-batch").value() + "% saved at small batches and +"
                + paper.text("speculative-increase-bs128").value() + "% at batch 128; the figure's readings give the computed column"
                + (shape.isPresent() ? "; ours: greedy vs speculative cells at I=" + shape.get()[0] + ", O=" + shape.get()[1] : "");
        return new ReportTable("derived-speculative", TableFormat.percentages(t), caption, DIGITISED + "; text values " + Labels.PAPER_PUBLISHED_SOURCE
                + (ours.isEmpty() ? "; " + Labels.PAPER_ONLY : "; ours: " + ControlledSweepFigures.configurations(ours)));
    }

    /**
     * OLMoE against the dense OLMo 1B and 7B per batch size, from Figure 4.
     *
     * @return id {@code derived-moe}
     */
    public static ReportTable moe() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(4);
        PaperSeries moe = f.series("", "OLMoE").orElseThrow();
        PaperSeries small = f.series("", "OLMo 1B").orElseThrow();
        PaperSeries big = f.series("", "OLMo 7B").orElseThrow();
        Table t = Table.create("moe", IntColumn.create("batch size"), DoubleColumn.create("OLMoE above OLMo 1B %"),
                DoubleColumn.create("OLMoE below OLMo 7B %"));
        for (PaperPoint p : moe.points()) {
            int b = (int) p.x().getAsDouble();
            t.intColumn(0).append(b);
            t.doubleColumn(1).append(TableFormat.round2(Comparisons.percentAbove(p.y(), at(small, b).getAsDouble())));
            t.doubleColumn(2).append(TableFormat.round2(Comparisons.reductionPercent(at(big, b).getAsDouble(), p.y())));
        }
        return new ReportTable("derived-moe", TableFormat.percentages(t), "Mixture-of-experts vs dense models by batch size, from Figure 4. The paper's text"
                + " states OLMoE uses up to " + paper.text("moe-vs-olmo1b-increase").value() + "% more energy than OLMo 1B",
                DIGITISED + "; text value " + Labels.PAPER_PUBLISHED_SOURCE + "; " + Labels.PAPER_ONLY);
    }

    /**
     * The torch.compile and CUDA-graph "improvements" of section 3.4 recomputed as energy reductions at batch 1 from
     * Figure 5, beside the text's values. A GPU without the needed readings has a blank, with why.
     *
     * @return id {@code derived-framework-gains}
     */
    public static ReportTable frameworkGains() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(5);
        String[][] rows = {
            {"(a) A100 80GB PCIe", "compile-gain-a100", "cuda-graphs-gain-a100", "vLLM eager", "vLLM + CUDA graphs"},
            {"(b) A6000 Ada", "compile-gain-rtx6000-ada", null, null, null},
            {"(c) A6000", "compile-gain-a6000", "cuda-graphs-gain-a6000", null, null}};
        Table t = Table.create("gains", StringColumn.create("GPU"), DoubleColumn.create("torch.compile gain % (figure, BS1)"),
                DoubleColumn.create("torch.compile gain % (text)"), DoubleColumn.create("CUDA graphs gain % (figure, BS1)"),
                DoubleColumn.create("CUDA graphs gain % (text)"), StringColumn.create("note"));
        for (String[] r : rows) {
            StringBuilder note = new StringBuilder();
            OptionalDouble pt = at(f.series(r[0], "PyTorch"), 1);
            OptionalDouble ptc = at(f.series(r[0], "PyTorch + compile"), 1);
            t.stringColumn(0).append(r[0].substring(4));
            if (pt.isPresent() && ptc.isPresent()) {
                t.doubleColumn(1).append(TableFormat.round2(Comparisons.reductionPercent(pt.getAsDouble(), ptc.getAsDouble())));
            } else {
                t.doubleColumn(1).appendMissing();
                note.append("no PyTorch reading at batch 1 in the figure. ");
            }
            t.doubleColumn(2).append(paper.text(r[1]).value());
            OptionalDouble eager = r[3] == null ? OptionalDouble.empty() : at(f.series(r[0], r[3]), 1);
            OptionalDouble graphs = r[4] == null ? OptionalDouble.empty() : at(f.series(r[0], r[4]), 1);
            if (eager.isPresent() && graphs.isPresent()) {
                t.doubleColumn(3).append(TableFormat.round2(Comparisons.reductionPercent(eager.getAsDouble(), graphs.getAsDouble())));
            } else {
                t.doubleColumn(3).appendMissing();
                note.append("the figure's vLLM curves were not read separately with and without CUDA graphs. ");
            }
            if (r[2] != null) t.doubleColumn(4).append(paper.text(r[2]).value());
            else t.doubleColumn(4).appendMissing();
            t.stringColumn(5).append(note.toString().trim());
        }
        return new ReportTable("derived-framework-gains", TableFormat.percentages(t), "torch.compile and CUDA-graph energy reductions at batch size 1,"
                + " (E_off − E_on) / E_off × 100, read off Figure 5 beside the values section 3.4 states",
                DIGITISED + "; text values " + Labels.PAPER_PUBLISHED_SOURCE + "; " + Labels.PAPER_ONLY);
    }

    /**
     * Tensor parallelism: section 3.3's energy increases and latency reductions at batch 1 (Llama-3.1-8B), the
     * parallel efficiency they imply, and the energy increases read off Figure 6 at batch 1 and 128.
     *
     * @return id {@code derived-tensor-parallel}
     */
    public static ReportTable tensorParallel() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(6);
        Table t = Table.create("tp", IntColumn.create("GPUs"), DoubleColumn.create("energy increase % (text, BS1)"),
                DoubleColumn.create("latency reduction % (text, BS1)"), DoubleColumn.create("parallel efficiency (from text)"),
                DoubleColumn.create("energy increase % (figure, BS1)"), DoubleColumn.create("energy increase % (figure, BS128)"));
        PaperSeries single = f.series("Llama-3.1-8B", "single GPU").orElseThrow();
        for (int g : new int[] {2, 4}) {
            TensorParallelComparison c = new TensorParallelComparison(g, paper.text("tp" + g + "-energy-increase").value(),
                    paper.text("tp" + g + "-latency-reduction").value());
            PaperSeries tp = f.series("Llama-3.1-8B", "TP" + g).orElseThrow();
            t.intColumn(0).append(g);
            t.doubleColumn(1).append(c.energyIncreasePercent());
            t.doubleColumn(2).append(c.latencyReductionPercent());
            t.doubleColumn(3).append(Math.round(c.parallelEfficiency() * 1000) / 1000.0);
            t.doubleColumn(4).append(TableFormat.round2(Comparisons.percentAbove(at(tp, 1).getAsDouble(), at(single, 1).getAsDouble())));
            t.doubleColumn(5).append(TableFormat.round2(Comparisons.percentAbove(at(tp, 128).getAsDouble(), at(single, 128).getAsDouble())));
        }
        return new ReportTable("derived-tensor-parallel", TableFormat.percentages(t), "Tensor parallelism for Llama-3.1-8B: energy against latency. Parallel"
                + " efficiency = (T_1 / T_tp) / GPUs; below 1 the group draws power for longer in total than one GPU would",
                PaperNumbers.CITATION + ", Section 3.3 (" + Labels.PAPER_PUBLISHED_SOURCE + ") and Fig. 6 (" + Labels.PAPER_DIGITIZED_SOURCE
                        + ", approximate); " + Labels.PAPER_ONLY);
    }

    /**
     * Figure 9's metric applied to Figure 5's offline vLLM energies: the online energy each reduction implies, and
     * the reduction recomputed from the two with {@code Comparisons.onlineVsOfflineReductionPercent}.
     *
     * @return id {@code derived-online-offline}
     */
    public static ReportTable onlineVsOffline() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f9 = paper.figure(9);
        PaperFigure f5 = paper.figure(5);
        String[][] gpus = {{"A100 80GB", "(a) A100 80GB PCIe", "vLLM + CUDA graphs"}, {"A6000 Ada", "(b) A6000 Ada", "vLLM"},
            {"A6000", "(c) A6000", "vLLM"}};
        Table t = Table.create("online", StringColumn.create("GPU"), IntColumn.create("batch size"),
                DoubleColumn.create("online reduction % (Fig. 9)"), DoubleColumn.create("offline vLLM kWh (Fig. 5)"),
                DoubleColumn.create("implied online kWh"), DoubleColumn.create("reduction % recomputed"));
        for (String[] g : gpus) {
            PaperSeries red = f9.series("", g[0]).orElseThrow();
            for (PaperPoint p : red.points()) {
                int b = (int) p.x().getAsDouble();
                OptionalDouble off = at(f5.series(g[1], g[2]), b);
                if (off.isEmpty()) continue;
                double online = off.getAsDouble() * (1 - p.y() / 100);
                t.stringColumn(0).append(g[0]);
                t.intColumn(1).append(b);
                t.doubleColumn(2).append(p.y());
                t.doubleColumn(3).append(off.getAsDouble());
                t.doubleColumn(4).append(Math.round(online * 1e6) / 1e6);
                t.doubleColumn(5).append(TableFormat.round2(Comparisons.onlineVsOfflineReductionPercent(off.getAsDouble(), online)));
            }
        }
        return new ReportTable("derived-online-offline", TableFormat.percentages(t), "Online vs offline: Figure 9's reduction, (E_offline − E_online) × 100 /"
                + " E_offline, applied to Figure 5's offline vLLM energy at the same GPU and batch size (where Figure 5 has a"
                + " reading), giving the online energy it implies",
                DIGITISED + "; " + Labels.PAPER_ONLY);
    }

    private static OptionalDouble oursChange(List<SweepPoint> ours, int[] shape, int batch) {
        OptionalDouble ar = OptionalDouble.empty();
        OptionalDouble spec = OptionalDouble.empty();
        for (SweepPoint p : ours) {
            if (p.input() != shape[0] || p.output() != shape[1] || p.batch() != batch || p.totalKwh().isEmpty()) continue;
            if (p.decoding().equals("greedy")) ar = p.totalKwh();
            if (p.decoding().startsWith("speculative")) spec = p.totalKwh();
        }
        return ar.isPresent() && spec.isPresent()
                ? OptionalDouble.of(Comparisons.speculativeChangePercent(ar.getAsDouble(), spec.getAsDouble())) : OptionalDouble.empty();
    }

    private static OptionalDouble at(Optional<PaperSeries> s, int x) { return s.isPresent() ? at(s.get(), x) : OptionalDouble.empty(); }

    private static OptionalDouble at(PaperSeries s, int x) {
        for (PaperPoint p : s.points()) if (p.x().isPresent() && p.x().getAsDouble() == x) return OptionalDouble.of(p.y());
        return OptionalDouble.empty();
    }
}
