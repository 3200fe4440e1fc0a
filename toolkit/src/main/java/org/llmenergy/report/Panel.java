package org.llmenergy.report;

import java.util.Objects;

/**
 * One drawable panel of a paper figure: the plot in data units with what the report says about it. Builders return
 * panels so that tests and notebooks can read the plotted data back; {@link #figure()} renders the picture.
 *
 * @param id      file-safe id, for example {@code "fig03-decoding-strategies"}
 * @param plot    the plot
 * @param caption what it shows, with anything the reader must know (unplaced paper readings, chosen fixed lengths)
 * @param source  where its numbers come from, with every provenance label drawn (see {@link Labels#source})
 */
public record Panel(String id, Plot plot, String caption, String source) {
    public Panel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plot, "plot");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(source, "source");
    }

    /** @return the rendered figure ({@value Plot#WIDTH} x {@value Plot#HEIGHT} pixels) */
    public Figure figure() { return plot.figure(id, caption, source); }

    /**
     * Shows the panel in a notebook in one call: {@code display("text/html", panel.html())}.
     *
     * @return the rendered figure with its caption and source, as an HTML fragment (see {@link Figure#html()})
     */
    public String html() { return figure().html(); }

    /** @return the plot's title */
    public String title() { return plot.title(); }
}
