package org.llmenergy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.llmenergy.io.Html;
import tech.tablesaw.api.Table;

/**
 * An offline HTML report: sections of text, tables and figures, written as {@code index.html} beside one PNG
 * per figure. No scripts, fonts or styles are fetched from anywhere.
 *
 * <pre>{@code
 * HtmlReport.titled("llm-energy report")
 *     .section("Workloads").paragraph("...").table(t, "Table 1", "azure-conv-2023").figure(fig)
 *     .writeTo(Path.of("out/report"));
 * }</pre>
 */
public final class HtmlReport {
    private final String title;
    private final List<String> body = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();

    private HtmlReport(String title) { this.title = title; }

    /** Starts a report with this title. */
    public static HtmlReport titled(String title) { return new HtmlReport(title); }

    /** Starts a new section with a heading. */
    public HtmlReport section(String heading) {
        body.add("<h2>" + Html.escape(heading) + "</h2>");
        return this;
    }

    /** Adds a paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + Html.escape(text) + "</p>");
        return this;
    }

    /** Adds a table with its caption and the source of its numbers. */
    public HtmlReport table(Table table, String caption, String source) {
        body.add(HtmlTable.of(table, caption) + "<p class=\"source\">Source: " + Html.escape(source) + "</p>");
        return this;
    }

    /** Adds a figure (its PNG is written beside index.html). */
    public HtmlReport figure(Figure f) {
        figures.add(f);
        body.add(f.html(f.id() + ".png"));
        return this;
    }

    /**
     * Adds a section of the paper: its heading, introduction, every panel rendered as a figure and every table with
     * its source.
     */
    public HtmlReport add(ReportSection s) {
        section(s.heading()).paragraph(s.introduction());
        for (Panel p : s.panels()) figure(p.figure());
        for (ReportTable t : s.tables()) table(t.table(), t.caption(), t.source());
        return this;
    }

    /** @return the figures added so far, in order */
    public List<Figure> figures() { return List.copyOf(figures); }

    /**
     * Writes {@code index.html} and the figures' PNGs into {@code dir}.
     *
     * @return the path of {@code index.html}
     */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Figure f : figures) f.writePng(dir);
            Path index = dir.resolve("index.html");
            Files.writeString(index, html(), StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the whole page */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
                + "table.data{border-collapse:collapse;margin:1em 0}table.data td,table.data th{border:1px solid #bbb;"
                + "padding:2px 8px}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{font-weight:bold;"
                + "text-align:left}figure{margin:1.5em 0}img{max-width:100%}.source{color:#555;font-size:90%}</style>"
                + "</head><body>\n<h1>" + Html.escape(title) + "</h1>\n<p class=\"source\">Generated "
                + Instant.now() + " by llm-energy.</p>\n" + String.join("\n", body) + "\n</body></html>\n";
    }
}
