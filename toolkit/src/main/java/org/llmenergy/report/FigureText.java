package org.llmenergy.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperPoint;
import org.llmenergy.estimate.paper.PaperSeries;

/** Titles, legend names and caption fragments shared by the figure builders. */
final class FigureText {
    /** The y axis of most of the paper's figures. */
    static final String KWH_PER_1024 = "energy for 1,024 examples (kWh)";
    static final String BATCH_SIZE = "batch size";

    private FigureText() {}

    /** @return "Figure n · what (paper vs ours)" or "(paper only)" */
    static String title(String figure, String what, boolean ours) {
        return figure + " · " + what + (ours ? " (paper vs ours)" : " (paper only)");
    }

    /** @return the legend name of a digitised paper series */
    static String paper(String name) { return name + " · " + Labels.PAPER_DIGITIZED; }

    /** @return the legend name of a paper-derived model curve */
    static String model(String name) { return name + " · model: Figure 2 fit"; }

    /**
     * @return the numeric points of a paper series as a plot series named with {@link #paper}; a parenthetical in the
     *         paper series' name is left out of the legend (captions give it)
     */
    static Series paperSeries(PaperSeries s, String group) {
        int paren = s.name().indexOf(" (");
        return Series.fromPaper(s, group, paper(paren > 0 ? s.name().substring(0, paren) : s.name()));
    }

    /** @return the sentence that says ours are present or that the figure is paper only */
    static String oursSentence(boolean ours, String whatOurs) {
        return ours ? " Solid lines with diamonds are ours: " + whatOurs + "."
                : " " + capitalised(Labels.PAPER_ONLY) + ".";
    }

    /** @return the legend key: how the paper's values, models and ours are drawn */
    static String legendKey() {
        return "Dashed lines with circles: the paper's values, read off its figure (approximate, about ±10–20% on log axes).";
    }

    /**
     * @return a sentence listing the paper's readings in these series that have no x position (they cannot be
     *         drawn), or empty
     */
    static String unplaced(Collection<PaperSeries> series) {
        List<String> parts = new ArrayList<>();
        for (PaperSeries s : series) {
            for (PaperPoint p : s.points()) {
                if (p.x().isEmpty()) {
                    parts.add(String.format(Locale.ROOT, "%s ≈ %s at '%s'%s", s.name(), Plot.number(p.y()), p.xLabel(),
                            p.note().isEmpty() ? "" : " (" + p.note() + ")"));
                }
            }
        }
        return parts.isEmpty() ? "" : " Paper readings without an x position, not drawn: " + String.join("; ", parts) + ".";
    }

    /** @return a sentence with the figure's own note from the paper numbers, or empty */
    static String note(PaperFigure f) { return f.note().isEmpty() ? "" : " Paper: " + f.note() + "."; }

    /** @return the source line for a plot's series */
    static String source(String paperFigure, Plot plot) { return Labels.source(paperFigure, plot.provenances()); }

    /** @return every distinct provenance of these series */
    static Set<String> provenances(Collection<Series> series) {
        Set<String> out = new LinkedHashSet<>();
        for (Series s : series) out.add(s.provenance());
        return out;
    }

    private static String capitalised(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
