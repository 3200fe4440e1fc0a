package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;
import org.llmenergy.estimate.paper.PaperValue;

/**
 * Figure 5: PyTorch with and without torch.compile against vLLM with and without CUDA graphs, on three GPUs, with
 * the PyTorch maximum batch size marked. Paper only: these engines and GPUs are not what this toolkit runs.
 */
public final class FrameworkFigures {
    /** Panel of the paper numbers, panel id, and the text value of its PyTorch maximum batch. */
    private static final String[][] PANELS = {
        {"(a) A100 80GB PCIe", "fig05a-frameworks-a100", "fig5-pytorch-max-batch-a100"},
        {"(b) A6000 Ada", "fig05b-frameworks-a6000-ada", "fig5-pytorch-max-batch-rtx6000-ada"},
        {"(c) A6000", "fig05c-frameworks-a6000", "fig5-pytorch-max-batch-a6000"}};
    private static final String[] GROUPS = {"PyTorch", "PyTorch + compile", "vLLM eager", "vLLM + CUDA graphs", "vLLM"};

    private FrameworkFigures() {}

    /** @return the three panels, paper only */
    public static List<Panel> panels() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(5);
        List<Panel> out = new ArrayList<>();
        for (String[] p : PANELS) {
            PaperValue max = paper.text(p[2]);
            Plot plot = Plot.xy(FigureText.title("Figure 5" + p[0].substring(0, 3), "frameworks and compilation, " + p[0].substring(4), false),
                    Axis.log2(FigureText.BATCH_SIZE), Axis.log10(FigureText.KWH_PER_1024)).colourOrder(GROUPS);
            for (PaperSeries s : f.panel(p[0])) plot.add(FigureText.paperSeries(s, s.name()));
            plot.verticalLine(max.value(), "PyTorch max batch " + (int) max.value());
            String notes = f.panel(p[0]).stream().flatMap(s -> s.points().stream().filter(x -> !x.note().isEmpty())
                    .map(x -> s.name() + " at " + x.xLabel() + ": " + x.note())).distinct().reduce("", (a, b) -> a + " " + b + ".");
            String caption = String.format(Locale.ROOT, "Energy for 1,024 examples with 64 output tokens against batch size on the %s:"
                    + " PyTorch (HF Transformers) with and without torch.compile, vLLM with and without CUDA graphs. The vertical"
                    + " line marks the PyTorch maximum batch size (%d, read off the figure); vLLM serves larger batches. ",
                    p[0].substring(4), (int) max.value()) + FigureText.legendKey() + notes + " " + Labels.PAPER_ONLY
                    + " (these engines and GPUs are outside this toolkit).";
            out.add(new Panel(p[1], plot, caption, FigureText.source("Fig. 5", plot)));
        }
        return out;
    }
}
