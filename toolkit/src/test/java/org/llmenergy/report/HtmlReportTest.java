package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void rejectsFigureIdsThatAreNotFileNames() {
        var img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> new Figure("../x", "t", "c", "s", img));
    }
}
