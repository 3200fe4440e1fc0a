package org.llmenergy.estimate.paper;

import java.util.List;
import java.util.Optional;
import org.llmenergy.units.Provenance;

/**
 * The values read off one figure of the paper.
 *
 * @param number     figure number
 * @param title      what it shows
 * @param xAxis      x-axis quantity
 * @param yAxis      y-axis quantity
 * @param unit       unit of the y values (most are "kWh per 1,024 examples")
 * @param note       remarks on the figure, or empty
 * @param trace      the one trace it draws, by the paper's name (the dataset catalog's {@code paperName}), or null
 * @param series     its curves
 * @param provenance {@code paper-digitized}, citing "Fernandez et al., ACL 2025, Fig. N", marked approximate
 */
public record PaperFigure(int number, String title, String xAxis, String yAxis, String unit, String note,
                          String trace, List<PaperSeries> series, Provenance provenance) {
    public PaperFigure {
        series = List.copyOf(series);
    }

    /**
     * @param panel panel name ({@code ""} for single-panel figures)
     * @param name  series name
     * @return the series, if the figure has it
     */
    public Optional<PaperSeries> series(String panel, String name) {
        return series.stream().filter(s -> s.panel().equals(panel) && s.name().equals(name)).findFirst();
    }

    /**
     * @param panel panel name
     * @return the panel's series, in order
     */
    public List<PaperSeries> panel(String panel) {
        return series.stream().filter(s -> s.panel().equals(panel)).toList();
    }
}
