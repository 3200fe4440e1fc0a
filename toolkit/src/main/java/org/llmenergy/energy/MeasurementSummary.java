package org.llmenergy.energy;

import java.util.List;
import java.util.Locale;
import org.llmenergy.io.Html;
import org.llmenergy.units.Energy;

/**
 * Measurements as a short human-readable text (the CLI's default output) or an HTML table (for notebooks):
 * gross and net energy, power, source and validity, one row per window.
 */
public final class MeasurementSummary {
    private MeasurementSummary() {}

    /** @return a few lines: total, net, power, source, validity, reasons and per-channel figures */
    public static String text(Measurement m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "window '%s': %.3f s, meter %s (%s)%n", m.name(), m.durationS(),
                m.meter().label(), m.provenance().source().label()));
        sb.append("  total:   ").append(figure(m.total())).append('\n');
        sb.append("  net:     ").append(figure(m.totalNet())).append('\n');
        sb.append("  power:   mean ").append(watts(m.meanPowerW())).append(", peak ").append(watts(m.peakPowerW()))
                .append('\n');
        sb.append("  valid:   ").append(m.valid()).append('\n');
        for (String r : m.reasons()) sb.append("  note:    ").append(r).append('\n');
        for (DeviceEnergy d : m.devices()) {
            sb.append(String.format(Locale.ROOT, "  %-10s gross %s; counter %s; integral %s%s%n", d.channel(),
                    figure(d.gross()), figure(d.counter()), figure(d.powerIntegral()),
                    d.disagreementFlagged() ? " [DISAGREE]" : ""));
        }
        return sb.toString();
    }

    /** @return an HTML table with one row per measurement */
    public static String html(List<Measurement> measurements) {
        StringBuilder sb = new StringBuilder("<table><thead><tr><th>window</th><th>duration (s)</th>"
                + "<th>gross (J)</th><th>net of idle (J)</th><th>mean (W)</th><th>peak (W)</th><th>source</th>"
                + "<th>valid</th><th>notes</th></tr></thead><tbody>");
        for (Measurement m : measurements) {
            sb.append("<tr><td>").append(Html.escape(m.name())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", m.durationS())).append("</td><td>")
                    .append(cell(m.total())).append("</td><td>").append(cell(m.totalNet())).append("</td><td>")
                    .append(watts(m.meanPowerW())).append("</td><td>").append(watts(m.peakPowerW())).append("</td><td>")
                    .append(Html.escape(m.provenance().source().label())).append(m.provenance().isEstimate() ? " (estimate)" : "")
                    .append("</td><td>").append(m.valid()).append("</td><td>")
                    .append(Html.escape(String.join("; ", m.reasons()))).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** @return the total's provenance as a two-column HTML table: source, devices, validity, reasons, details */
    public static String provenanceHtml(Measurement m) {
        var p = m.provenance();
        StringBuilder sb = new StringBuilder("<table><tbody>");
        row(sb, "window", m.name());
        row(sb, "source", p.source().label() + (p.isEstimate() ? " (estimate)" : " (measurement)"));
        row(sb, "devices", String.join("; ", p.devices()));
        row(sb, "driver", p.driver() == null ? "n/a" : p.driver());
        row(sb, "sampling interval (s)", p.samplingIntervalS() == null ? "edges only" : p.samplingIntervalS().toString());
        row(sb, "window (epoch s)", String.format(Locale.ROOT, "%.3f to %.3f", p.windowStartS(), p.windowEndS()));
        row(sb, "net of idle", Boolean.toString(p.netOfIdle()));
        row(sb, "valid", Boolean.toString(p.valid()));
        row(sb, "reasons", String.join("; ", p.reasons()));
        p.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> row(sb, e.getKey(), e.getValue()));
        return sb.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th style=\"text-align:left\">").append(Html.escape(key)).append("</th><td style=\"text-align:left\">")
                .append(Html.escape(value)).append("</td></tr>");
    }

    private static String figure(EnergyFigure f) {
        if (!f.isPresent()) return "n/a (" + f.missingReason() + ")";
        return Energy.format(f.joules()) + (f.isEstimate() ? " (estimate)" : "");
    }

    private static String cell(EnergyFigure f) {
        return f.isPresent() ? String.format(Locale.ROOT, "%.3f", f.joules())
                : "n/a: " + Html.escape(f.missingReason());
    }

    private static String watts(Double w) {
        return w == null ? "n/a" : String.format(Locale.ROOT, "%.1f W", w);
    }
}
