package org.llmenergy.report;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.units.Provenance;

/**
 * The words every figure uses to say where a number comes from, so that a reader can always tell the paper's
 * published values from values read off its figures, from our measurements, and from estimates.
 */
public final class Labels {
    /** Legend suffix of values read off a paper figure. */
    public static final String PAPER_DIGITIZED = "paper (digitised, approx.)";
    /** Legend suffix of values printed in the paper's tables or text. */
    public static final String PAPER_PUBLISHED = "paper (published)";
    /** Provenance label of values read off a paper figure. */
    public static final String PAPER_DIGITIZED_SOURCE = Provenance.Source.PAPER_DIGITIZED.label();
    /** Provenance label of values printed in the paper. */
    public static final String PAPER_PUBLISHED_SOURCE = Provenance.Source.PAPER_PUBLISHED.label();
    /** Provenance label of analytic or fitted models. */
    public static final String MODEL_SOURCE = Provenance.Source.MODEL.label();
    /** Provenance label of distributions counted from a trace (not energies). */
    public static final String TRACE_COUNT = "trace-count";
    /** What a figure says when no measurements of ours were given for it. */
    public static final String PAPER_ONLY = "paper only: no measurements of ours were given";
    /** What a figure says when the paper's values for it were not digitised. */
    public static final String NO_PAPER_VALUES = "no values were digitised from this paper figure";

    private Labels() {}

    /**
     * @param provenance a provenance label of our numbers, for example {@code cpu-time-estimate}
     * @return the legend suffix, for example {@code "ours (cpu-time-estimate)"} or {@code "ours (model, estimate)"}
     */
    public static String ours(String provenance) {
        return "ours (" + provenance + (isEstimate(provenance) && !provenance.contains("estimate") ? ", estimate" : "") + ")";
    }

    /** @return true when the label names an estimate (CPU-time model, digitised values, analytic models) */
    public static boolean isEstimate(String provenance) {
        for (String part : provenance.split("[,+ ]+")) {
            try {
                if (Provenance.Source.fromLabel(part).isEstimate()) return true;
            } catch (IllegalArgumentException unknown) {
                // a label outside the known sources says nothing either way
            }
        }
        return false;
    }

    /**
     * The source line of a figure: the paper figure cited, every provenance label of its series, and whether ours
     * are present.
     *
     * @param paperFigure the paper's figure ("Fig. 3", "Table 4") or null when the figure is ours only
     * @param series      the provenance labels drawn
     * @return for example {@code "Fernandez et al., ACL 2025, Fig. 3; provenance: paper-digitized (approximate …);
     *         ours: cpu-time-estimate (estimate)"}
     */
    public static String source(String paperFigure, Collection<String> series) {
        Set<String> paper = new LinkedHashSet<>();
        Set<String> ours = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        for (String p : series) {
            if (p.startsWith("paper-")) paper.add(p);
            else if (p.equals(MODEL_SOURCE)) models.add(p);
            else ours.add(p);
        }
        StringBuilder s = new StringBuilder();
        if (paperFigure != null) s.append(PaperNumbers.CITATION).append(", ").append(paperFigure);
        if (!paper.isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append("paper values: ");
            s.append(String.join(", ", paper.stream().map(Labels::describePaper).toList()));
        }
        if (!models.isEmpty()) s.append(s.isEmpty() ? "" : "; ").append("model: model (an estimate, not a measurement)");
        s.append(s.isEmpty() ? "" : "; ");
        if (ours.isEmpty()) {
            s.append(PAPER_ONLY);
        } else {
            s.append("ours: ").append(String.join(", ", ours.stream()
                    .map(p -> p + (p.equals(TRACE_COUNT) ? " (counted from the trace)" : isEstimate(p) ? " (estimate)" : " (measured)"))
                    .toList()));
        }
        return s.toString();
    }

    private static String describePaper(String p) {
        return p.equals(PAPER_DIGITIZED_SOURCE) ? p + " (" + PaperNumbers.DIGITIZED_ACCURACY + ")" : p + " (as printed)";
    }
}
