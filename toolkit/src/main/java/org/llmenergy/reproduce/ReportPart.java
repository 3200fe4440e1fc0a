package org.llmenergy.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.llmenergy.report.Figure;
import org.llmenergy.report.HtmlReport;
import org.llmenergy.report.ReportSection;
import org.llmenergy.report.ReportTable;

/**
 * One section of the main job's report: a section built in {@code report} (a paper section, or one of ours), then
 * what the main job adds after it, in this order: notes, figures, tables.
 *
 * @param section the section as {@code report} builds it (heading, introduction, panels, tables)
 * @param notes   paragraphs added after it
 * @param figures figures added after the notes (ones that are not {@code Plot} panels, such as bin heat maps)
 * @param tables  tables added last
 */
public record ReportPart(ReportSection section, List<String> notes, List<Figure> figures, List<ReportTable> tables) {

    public ReportPart {
        Objects.requireNonNull(section, "section");
        notes = List.copyOf(notes);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    /** @return the section with nothing added */
    public static ReportPart of(ReportSection section) { return new ReportPart(section, List.of(), List.of(), List.of()); }

    /** @return a copy with these paragraphs appended to the notes */
    public ReportPart withNotes(List<String> more) { return new ReportPart(section, concat(notes, more), figures, tables); }

    /** @return a copy with these figures appended */
    public ReportPart withFigures(List<Figure> more) { return new ReportPart(section, notes, concat(figures, more), tables); }

    /** @return a copy with these tables appended */
    public ReportPart withTables(List<ReportTable> more) { return new ReportPart(section, notes, figures, concat(tables, more)); }

    /** Writes the section and its additions into {@code report}. */
    void writeTo(HtmlReport report) {
        report.add(section);
        for (String n : notes) report.paragraph(n);
        for (Figure f : figures) report.figure(f);
        for (ReportTable t : tables) report.table(t.table(), t.caption(), t.source());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
