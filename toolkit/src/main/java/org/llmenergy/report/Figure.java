package org.llmenergy.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.llmenergy.io.Html;

/**
 * A finished figure: the picture plus what a reader needs to trust it.
 *
 * @param id      a file-safe identifier, used as the PNG's file name (for example {@code "fig7-azure-conv-input"})
 * @param title   the figure's title
 * @param caption what it shows, in a sentence or two
 * @param source  where its numbers come from (trace, results file, paper figure, …) and their provenance
 * @param image   the rendered picture
 */
public record Figure(String id, String title, String caption, String source, BufferedImage image) {

    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        if (!id.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("figure id must be file-safe: " + id);
    }

    /** Renders an XChart chart into a figure. */
    public static Figure of(String id, Chart<?, ?> chart, String caption, String source) {
        return new Figure(id, chart.getTitle(), caption, source, BitmapEncoder.getBufferedImage(chart));
    }

    /**
     * Writes the picture as {@code <dir>/<id>.png}.
     *
     * @return the file written
     */
    public Path writePng(Path dir) {
        Path file = dir.resolve(id + ".png");
        try {
            Files.createDirectories(dir);
            Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The figure as a notebook shows it, in one call: {@code display("text/html", figure.html())} gives the picture
     * (inline, as a PNG data URI) with its title, caption and source beneath, as the HTML report lays it out.
     *
     * @return an HTML {@code <figure>} fragment, every text escaped
     */
    public String html() {
        try {
            return html("data:image/png;base64," + Base64.getEncoder().encodeToString(png()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure " + id + " as PNG: " + e.getMessage(), e);
        }
    }

    private byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer");
        return out.toByteArray();
    }

    /** @param imageSrc where the picture is: a file beside the page, or a data URI */
    String html(String imageSrc) {
        return "<figure><img src=\"" + imageSrc + "\" alt=\"" + Html.escape(title) + "\">"
                + "<figcaption><b>" + Html.escape(title) + ".</b> " + Html.escape(caption)
                + "<br><span class=\"source\">Source: " + Html.escape(source) + "</span></figcaption></figure>";
    }
}
