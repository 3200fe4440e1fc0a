package org.llmenergy.inference;

import java.util.List;
import java.util.Locale;
import org.llmenergy.io.Html;

/**
 * HTML tables of measured cells for notebooks: the repeats of one cell, or several cells side by side (medians).
 * Times are shown in milliseconds, rates in tokens per second, memory in MB (10^6 bytes).
 */
public final class CellReportHtml {
    private CellReportHtml() {}

    /**
     * @param report one measured cell
     * @return a table with one row per repeat and a median row
     */
    public static String repeats(CellReport report) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(Html.escape(describe(report))).append("</p>");
        b.append("<table><tr><th>repeat</th>").append(metricHeaders()).append("<th>peak memory MB</th></tr>");
        int i = 0;
        for (RunResult r : report.repeats()) {
            b.append("<tr><td>").append(i++).append("</td>")
                    .append(cells(r.prefillSeconds(), r.decodeSeconds(), r.timePerOutputTokenSeconds(),
                            r.endToEndSeconds(), r.prefillTokensPerSecond(), r.decodeTokensPerSecond()))
                    .append("<td>").append(r.peakMemory().bytes() == null ? "n/a" : fmt(r.peakMemory().bytes() / 1e6, 0))
                    .append("</td></tr>");
        }
        b.append("<tr><th>median</th>").append(medians(report)).append("<td></td></tr></table>");
        List<String> notes = report.repeats().get(0).notes();
        if (!notes.isEmpty()) b.append("<p>Notes: ").append(Html.escape(String.join("; ", notes))).append("</p>");
        return b.toString();
    }

    /**
     * @param reports measured cells
     * @return one row per cell with its median timings
     */
    public static String compare(List<CellReport> reports) {
        StringBuilder b = new StringBuilder("<table><tr><th>cell</th>").append(metricHeaders()).append("</tr>");
        for (CellReport r : reports) {
            b.append("<tr><td>").append(Html.escape(describe(r))).append("</td>").append(medians(r)).append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String describe(CellReport r) {
        RunResult f = r.repeats().get(0);
        return String.format(Locale.ROOT, "%s on %s (%s, %d threads): batch %d, input %d, output %d, %s; %d repeats after %d warm-up",
                f.model(), f.device(), f.precision(), f.threads(), f.batch(), f.inputTokens(), f.outputTokens(),
                f.decoding(), r.repeats().size(), r.warmup());
    }

    private static String metricHeaders() {
        return "<th>prefill ms</th><th>decode ms</th><th>per output token ms</th><th>end to end ms</th>"
                + "<th>prefill tok/s</th><th>decode tok/s</th>";
    }

    private static String medians(CellReport r) {
        return cells(r.prefillSeconds().median(), r.decodeSeconds().median(),
                r.timePerOutputTokenSeconds() == null ? null : r.timePerOutputTokenSeconds().median(),
                r.endToEndSeconds().median(), r.prefillTokensPerSecond().median(),
                r.decodeTokensPerSecond() == null ? null : r.decodeTokensPerSecond().median());
    }

    private static String cells(double prefillS, double decodeS, Double tpotS, double e2eS, double prefillRate,
                                Double decodeRate) {
        return "<td>" + fmt(prefillS * 1e3, 1) + "</td><td>" + fmt(decodeS * 1e3, 1) + "</td><td>"
                + (tpotS == null ? "n/a" : fmt(tpotS * 1e3, 2)) + "</td><td>" + fmt(e2eS * 1e3, 1) + "</td><td>"
                + fmt(prefillRate, 0) + "</td><td>" + (decodeRate == null ? "n/a" : fmt(decodeRate, 1)) + "</td>";
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
