package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.io.Html;
import org.llmenergy.workload.BinCount;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlReportTest {
    @TempDir Path dir;

    @Test
    void writesPagesTablesAndFiguresWithEscaping() throws Exception {
        var chart = BinHeatMap.chart("bins", List.of(new BinCount(32, 8, 5), new BinCount(128, 16, 2)),
                new int[] {32, 128}, new int[] {8, 16});
        Table t = Table.create("t", StringColumn.create("name", "a<b"), IntColumn.create("n", new int[] {3}));
        Path index = HtmlReport.titled("R & D").section("S").paragraph("x > y")
                .table(t, "Table 1", "test").figure(Figure.of("heat", chart, "cap", "src")).writeTo(dir);

        String html = Files.readString(index);
        assertTrue(html.contains("<title>R &amp; D</title>"), html);
        assertTrue(html.contains("<td>a&lt;b</td>"), html);
        assertTrue(html.contains("<td class=\"num\">3</td>"), html);
        assertTrue(html.contains("<img src=\"heat.png\""), html);
        BufferedImage png = ImageIO.read(dir.resolve("heat.png").toFile());
        assertEquals(720, png.getWidth());
        assertEquals(540, png.getHeight());
    }

    @Test
    void aNotebookShowsAFigureWithItsCaptionAndSourceInOneCall() throws Exception {
        var img = new BufferedImage(12, 7, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff8800);
        String html = new Figure("f", "E < 1 kWh", "caption & more", "paper \"Fig. 3\"", img).html();
        assertTrue(html.startsWith("<figure><img src=\"data:image/png;base64,"), html);
        assertTrue(html.contains("<b>E &lt; 1 kWh.</b> caption &amp; more<br><span class=\"source\">Source: paper "
                + "&quot;Fig. 3&quot;</span></figcaption></figure>"), html);
        String base64 = html.substring(html.indexOf("base64,") + 7, html.indexOf('"', html.indexOf("base64,")));
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertEquals(12, back.getWidth());
        assertEquals(0xff8800, back.getRGB(3, 2) & 0xffffff, "the picture itself, losslessly");

        Panel panel = PaperSections.parallelism().panels().get(0);
        String shown = panel.html();
        assertTrue(shown.contains(Html.escape(panel.caption())) && shown.contains("Source: " + Html.escape(panel.source())),
                "the panel's own caption and source");
        assertEquals(panel.figure().html(), shown);
    }

    @Test
    void theReportAndTheNotebookLayAFigureOutAlike() throws Exception {
        var img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Figure f = new Figure("same", "T", "c", "s", img);
        String page = HtmlReport.titled("r").figure(f).html();
        String inline = f.html();
        String tail = inline.substring(inline.indexOf("\" alt="));
        assertTrue(page.contains("<figure><img src=\"same.png" + tail), page);
    }

    @Test
    void rejectsFigureIdsThatAreNotFileNames() {
        var img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> new Figure("../x", "t", "c", "s", img));
    }
}
