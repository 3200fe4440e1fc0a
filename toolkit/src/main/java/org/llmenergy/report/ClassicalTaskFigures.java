package org.llmenergy.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * Figures 8 and 12: classical NLP tasks (translation, generation, classification, summarisation; Table 3) with
 * PyTorch against vLLM, and with vLLM at batch sizes 1, 8 and 128. Paper only.
 */
public final class ClassicalTaskFigures {
    private ClassicalTaskFigures() {}

    /** @return panel {@code fig08-classical-tasks} */
    public static Panel figure8() {
        PaperFigure f = PaperNumbers.load().figure(8);
        Plot plot = Plot.categories(FigureText.title("Figure 8", "classical NLP tasks, PyTorch vs vLLM", false), "task",
                categories(f), Axis.log10(FigureText.KWH_PER_1024));
        for (PaperSeries s : f.series()) plot.add(categorySeries(s, s.name()));
        String caption = "Energy for 1,024 examples of each task: PyTorch (compile off) against vLLM (CUDA graphs on), the best"
                + " (lowest-energy) run of each; the paper shows error bars, not read. Circles: read off the figure (approximate). "
                + Labels.PAPER_ONLY + ".";
        return new Panel("fig08-classical-tasks", plot, caption, FigureText.source("Fig. 8", plot));
    }

    /** @return panel {@code fig12-classical-tasks-by-batch}: the paper's three stacked panels as one series per batch size */
    public static Panel figure12() {
        PaperFigure f = PaperNumbers.load().figure(12);
        Plot plot = Plot.categories(FigureText.title("Figure 12", "classical NLP tasks with vLLM by batch size", false), "task",
                categories(f), Axis.log10(FigureText.KWH_PER_1024));
        for (PaperSeries s : f.series()) plot.add(categorySeries(s, s.panel() + " " + s.name()));
        String caption = "Energy for 1,024 examples of each task with vLLM at batch sizes 1, 8 and 128 (the paper's three box-plot"
                + " panels, drawn here as one marker per batch size at the value read off each box; approximate). Classification"
                + " energy rises with batch size, probably from padding to the longest input (3,112 tokens). " + Labels.PAPER_ONLY + ".";
        return new Panel("fig12-classical-tasks-by-batch", plot, caption, FigureText.source("Fig. 12", plot));
    }

    private static List<String> categories(PaperFigure f) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (PaperSeries s : f.series()) for (PaperPoint p : s.points()) out.add(p.xLabel());
        return new ArrayList<>(out);
    }

    private static CategorySeries categorySeries(PaperSeries s, String name) {
        return new CategorySeries(FigureText.paper(name), s.points().stream().map(PaperPoint::xLabel).toList(),
                s.points().stream().mapToDouble(PaperPoint::y).toArray(), Labels.PAPER_DIGITIZED_SOURCE);
    }
}
