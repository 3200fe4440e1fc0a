package org.llmenergy.report;

import java.util.Objects;
import org.llmenergy.io.Html;
import tech.tablesaw.api.Table;

/**
 * A table of the report with its caption and the source of its numbers.
 *
 * @param id      file-safe id, for example {@code "table4"}
 * @param table   the Tablesaw table
 * @param caption what it shows
 * @param source  where its numbers come from, with provenance labels
 */
public record ReportTable(String id, Table table, String caption, String source) {
    public ReportTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(source, "source");
    }

    /** @return the table as an HTML fragment (for notebooks: {@code display("text/html", t.html())}) */
    public String html() { return HtmlTable.of(table, caption) + "<p class=\"source\">Source: " + Html.escape(source) + "</p>"; }
}
