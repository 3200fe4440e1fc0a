package org.llmenergy.estimate.paper;

import java.util.List;
import java.util.OptionalInt;

/**
 * One curve (or bar group) of a paper figure.
 *
 * @param panel     the panel, or empty for single-panel figures
 * @param name      the series' legend label
 * @param batchSize the batch size the series is at, when the figure says so
 * @param points    the digitised values
 */
public record PaperSeries(String panel, String name, OptionalInt batchSize, List<PaperPoint> points) {
    public PaperSeries {
        points = List.copyOf(points);
    }
}
