package org.llmenergy.report;

import java.util.List;
import java.util.Optional;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * Figure 3: energy of decoding strategies against batch size. The paper draws greedy, beam, temperature and top-p
 * as one band ("autoregressive", nearly indistinguishable except at batch 1) and speculative decoding.
 */
public final class DecodingStrategyFigure {
    private DecodingStrategyFigure() {}

    /**
     * @param ours cells with one or more decoding strategies (may be empty); drawn at the (input, output) shape with
     *             the most cells, named in the caption
     * @return panel {@code fig03-decoding-strategies}
     */
    public static Panel panel(List<SweepPoint> ours) {
        PaperFigure f = PaperNumbers.load().figure(3);
        Optional<int[]> shape = SweepSeries.fixedShape(ours);
        List<Series> mine = shape.map(s -> SweepSeries.byDecoding(ours, s[0], s[1])).orElse(List.of());
        Plot plot = Plot.xy(FigureText.title("Figure 3", "decoding strategies", !mine.isEmpty()),
                Axis.log2(FigureText.BATCH_SIZE), Axis.log2(FigureText.KWH_PER_1024));
        for (PaperSeries s : f.series()) plot.add(FigureText.paperSeries(s, s.name()));
        plot.addAll(mine);
        String range = f.series().stream().flatMap(s -> s.points().stream().filter(p -> p.yLow().isPresent())
                .map(p -> String.format(java.util.Locale.ROOT, " Paper at batch %s: %s ranges %s–%s kWh (%s); the midpoint is drawn.",
                        p.xLabel(), s.name(), Plot.number(p.yLow().getAsDouble()), Plot.number(p.yHigh().getAsDouble()), p.note())))
                .reduce("", String::concat);
        String caption = "Energy for 1,024 examples against batch size per decoding strategy. Paper: \"autoregressive\" is greedy,"
                + " beam search, temperature and top-p sampling, nearly indistinguishable except at batch 1. Paper: the model pair is not stated"
                + " (probably Llama-3.1-8B with a Llama-3.2-1B draft); speculative decoding saves energy at small batches and costs"
                + " more at large ones. " + FigureText.legendKey() + range
                + FigureText.oursSentence(!mine.isEmpty(), "whole-run energy of " + ControlledSweepFigures.configurations(ours)
                        + shape.map(s -> " at I=" + s[0] + ", O=" + s[1]).orElse(""));
        return new Panel("fig03-decoding-strategies", plot, caption, FigureText.source("Fig. 3", plot));
    }
}
