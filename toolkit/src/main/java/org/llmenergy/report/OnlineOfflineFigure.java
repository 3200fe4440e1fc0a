package org.llmenergy.report;

import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/** Figure 9: energy reduction of online serving (continuous batching) against offline vLLM. Paper only. */
public final class OnlineOfflineFigure {
    private OnlineOfflineFigure() {}

    /** @return panel {@code fig09-online-vs-offline} */
    public static Panel panel() {
        PaperNumbers paper = PaperNumbers.load();
        PaperFigure f = paper.figure(9);
        Plot plot = Plot.xy(FigureText.title("Figure 9", "online vs offline serving", false), Axis.log2(FigureText.BATCH_SIZE),
                Axis.linear("energy reduction, (E_offline − E_online) / E_offline (%)")).colourOrder("A100 80GB", "A6000 Ada", "A6000");
        for (PaperSeries s : f.series()) plot.add(FigureText.paperSeries(s, s.name()));
        plot.horizontalLine(0);
        String caption = "Percent energy saved by vLLM online serving with continuous batching against offline static batches at the"
                + " same batch size (positive: online saves). The caption says online saves \"up to "
                + Plot.number(paper.text("online-saving-up-to").value()) + "%\" at large batches; the plotted points reach about 6%."
                + " At batch 1 online costs 11–13% more. The authors note their single-dataset samples understate continuous"
                + " batching's benefit. " + FigureText.legendKey() + " " + Labels.PAPER_ONLY
                + " (the toolkit models offline serving; no arrival process is run).";
        return new Panel("fig09-online-vs-offline", plot, caption, FigureText.source("Fig. 9", plot));
    }
}
