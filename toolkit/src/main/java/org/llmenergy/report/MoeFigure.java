package org.llmenergy.report;

import java.util.List;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/** Figure 4: a mixture-of-experts model (OLMoE 1B-7B) against dense models (OLMo 1B, OLMo 7B), by batch size. */
public final class MoeFigure {
    private MoeFigure() {}

    /**
     * @param ours energy against batch size per model of ours, kWh per 1,024 examples (may be empty)
     * @return panel {@code fig04-moe-vs-dense}
     */
    public static Panel panel(List<Series> ours) {
        PaperFigure f = PaperNumbers.load().figure(4);
        Plot plot = Plot.xy(FigureText.title("Figure 4", "mixture-of-experts vs dense models", !ours.isEmpty()),
                Axis.log2(FigureText.BATCH_SIZE), Axis.log2(FigureText.KWH_PER_1024));
        for (PaperSeries s : f.series()) plot.add(FigureText.paperSeries(s, s.name()));
        plot.addAll(ours);
        String caption = "Energy for 1,024 examples against batch size. Paper: OLMoE (1B active of 7B parameters) needs more energy"
                + " than the dense OLMo 1B with comparable active parameters, more so at large batches; at 256 and 512 one plateau"
                + " range was read (its midpoint is drawn). " + FigureText.legendKey()
                + FigureText.oursSentence(!ours.isEmpty(), FigureText.provenances(ours).toString());
        return new Panel("fig04-moe-vs-dense", plot, caption, FigureText.source("Fig. 4", plot));
    }
}
