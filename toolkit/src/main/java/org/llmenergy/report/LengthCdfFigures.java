package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/**
 * Figure 7: the real token-length distribution of a trace against its binned approximation, input and output. The
 * paper shows Azure Conversation; its binned CDF (digitised) is overlaid on ours only for that trace.
 */
public final class LengthCdfFigures {
    private LengthCdfFigures() {}

    /**
     * @param ours a trace's summary with its CDFs, or null for the paper's values only
     * @return two panels, input then output; ids {@code fig07a-input-cdf[-<trace>]} and {@code fig07b-output-cdf[-<trace>]}
     */
    public static List<Panel> panels(TraceSummary ours) {
        PaperFigure f = PaperNumbers.load().figure(7);
        boolean overlay = ours == null || ours.isFigure7Trace();
        List<Panel> out = new ArrayList<>();
        String suffix = ours == null ? "" : "-" + slug(ours.label());
        String[][] axes = {{"input", "a"}, {"output", "b"}};
        for (String[] ax : axes) {
            LengthCdf cdf = ours == null ? null : ax[0].equals("input") ? ours.inputCdf() : ours.outputCdf();
            boolean mine = cdf != null;
            String what = ax[0] + " length CDF, " + (mine ? ours.label() : "Azure Conversation");
            Plot plot = Plot.xy(FigureText.title("Figure 7" + ax[1], what, mine), Axis.log2(ax[0] + " length (tokens)"),
                    Axis.linear("fraction of requests ≤ length")).colourOrder("binned CDF", "real CDF", "empirical", "binned");
            if (overlay) {
                for (PaperSeries s : f.panel(ax[0])) {
                    Series p = FigureText.paperSeries(s, s.name());
                    if (s.name().equals("binned CDF")) plot.addSteps(p);
                    else plot.add(p);
                }
            }
            if (mine) {
                plot.addSteps(new Series("empirical CDF, " + ours.label() + " · " + Labels.ours(Labels.TRACE_COUNT), "empirical",
                        cdf.empiricalX(), cdf.empiricalF(), Labels.TRACE_COUNT));
                plot.addSteps(new Series("binned CDF, " + ours.label() + " · " + Labels.ours(Labels.TRACE_COUNT), "binned",
                        cdf.binnedX(), cdf.binnedF(), Labels.TRACE_COUNT));
            }
            String caption = String.format(Locale.ROOT, "Cumulative fraction of requests by %s length: the real distribution against the"
                    + " paper's binning (ceiling to power-of-two bins; requests over 8,192 input or 512 output tokens excluded, so the"
                    + " binned CDF reaches 1). ", ax[0])
                    + (overlay ? "Dashed: the paper's Azure Conversation binned CDF read off the figure (approximate)"
                            + (ax[0].equals("output") ? "; it has no step at 64, and the real CDF is ≈0.965 at 512." : ".")
                            : "The paper's curves are for Azure Conversation and are not overlaid on this trace.")
                    + (mine ? " Solid: ours, counted from " + ours.label() + " (empirical: every request; binned: bin edges)."
                            : " " + Labels.PAPER_ONLY + " (no trace of ours was given).");
            out.add(new Panel("fig07" + ax[1] + "-" + ax[0] + "-cdf" + suffix, plot, caption, FigureText.source("Fig. 7", plot)));
        }
        return out;
    }

    /** @return a file-safe form of a label */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "trace" : s;
    }
}
