package org.llmenergy.reproduce;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.llmenergy.report.HtmlReport;

/**
 * The main job's report, laid out explicitly: a title, the paragraphs before the first section, and the sections
 * in order. Nothing is placed by matching heading text.
 *
 * @param title   the page title
 * @param preface paragraphs before the first section
 * @param parts   the sections, in order
 */
public record ReproductionReport(String title, List<String> preface, List<ReportPart> parts) {

    public ReproductionReport {
        Objects.requireNonNull(title, "title");
        preface = List.copyOf(preface);
        parts = List.copyOf(parts);
    }

    /** @return the report as an HTML document (figures rendered, not yet written) */
    public HtmlReport html() {
        HtmlReport report = HtmlReport.titled(title);
        for (String p : preface) report.paragraph(p);
        for (ReportPart part : parts) part.writeTo(report);
        return report;
    }

    /**
     * @param dir where {@code index.html} and the PNGs go
     * @return the path of {@code index.html}
     */
    public Path writeTo(Path dir) { return html().writeTo(dir); }

    /** @return the section headings, in order */
    public List<String> headings() { return parts.stream().map(p -> p.section().heading()).toList(); }
}
