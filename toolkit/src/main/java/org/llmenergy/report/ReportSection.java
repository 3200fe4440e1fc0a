package org.llmenergy.report;

import java.util.List;
import java.util.Objects;

/**
 * One section of the paper reproduced: its figures and tables, as the HTML report and the notebooks show them.
 *
 * @param heading      section heading
 * @param introduction a paragraph saying what the section compares and where its numbers come from
 * @param panels       the figures' panels, in order
 * @param tables       the tables, in order
 */
public record ReportSection(String heading, String introduction, List<Panel> panels, List<ReportTable> tables) {
    public ReportSection {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(introduction, "introduction");
        panels = List.copyOf(panels);
        tables = List.copyOf(tables);
    }

    /** @return every panel rendered */
    public List<Figure> figures() { return panels.stream().map(Panel::figure).toList(); }

    /**
     * @param id a panel id
     * @return that panel
     */
    public Panel panel(String id) {
        return panels.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "section '" + heading + "' has no panel '" + id + "'; it has " + panels.stream().map(Panel::id).toList()));
    }

    /**
     * @param id a table id
     * @return that table
     */
    public ReportTable table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "section '" + heading + "' has no table '" + id + "'; it has " + tables.stream().map(ReportTable::id).toList()));
    }
}
