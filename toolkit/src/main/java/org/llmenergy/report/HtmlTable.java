package org.llmenergy.report;

import org.llmenergy.io.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as an HTML {@code <table>}, for the report and for notebooks. */
public final class HtmlTable {
    private HtmlTable() {}

    /**
     * @param table   the table
     * @param caption shown above the table, may be null
     * @return an HTML fragment; every cell is escaped
     */
    public static String of(Table table, String caption) {
        StringBuilder b = new StringBuilder("<table class=\"data\">\n");
        if (caption != null) b.append("<caption>").append(Html.escape(caption)).append("</caption>\n");
        b.append("<thead><tr>");
        for (Column<?> c : table.columns()) b.append("<th>").append(Html.escape(c.name())).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            b.append("<tr>");
            for (Column<?> c : table.columns()) {
                String v = c.isMissing(r) ? "" : c.getString(r);
                b.append(c.type().name().equals("STRING") ? "<td>" : "<td class=\"num\">")
                        .append(Html.escape(v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }
}
