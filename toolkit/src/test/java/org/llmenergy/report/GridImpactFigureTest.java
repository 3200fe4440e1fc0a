package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.impact.GridCatalog;
import org.llmenergy.units.Interval;

/** The same workload in different grids, on the mirrored factor files. */
class GridImpactFigureTest {
    private static final GridCatalog CATALOG = GridCatalog.load();

    @Test
    void fifteenBarsLowestFirstWithTheEnergysInterval(@TempDir Path dir) {
        Interval e = new Interval(10 * 3.6e6, 8 * 3.6e6, 13 * 3.6e6); // 10 kWh [8, 13]
        GridImpactFigure.Comparison c = GridImpactFigure.compare("test workload", e, 1.2, CATALOG);
        assertEquals(15, c.bars().size());
        assertTrue(c.missing().isEmpty(), c.missing().toString());
        for (int i = 1; i < c.bars().size(); i++) {
            assertTrue(c.bars().get(i - 1).gco2e().value() <= c.bars().get(i).gco2e().value(), "sorted");
        }
        GridImpactFigure.Bar fra = c.bars().stream().filter(b -> b.label().equals("FRA")).findFirst().orElseThrow();
        assertEquals(10 * 1.2 * 56.039, fra.gco2e().value(), 1e-9);
        assertEquals(8 * 1.2 * 56.039, fra.gco2e().low(), 1e-9);
        assertEquals(13 * 1.2 * 56.039, fra.gco2e().high(), 1e-9);
        GridImpactFigure.Bar be = c.bars().stream().filter(b -> b.label().equals("gcp:europe-west1")).findFirst().orElseThrow();
        assertTrue(be.cloud());
        assertEquals(10 * 1.2 * 122, be.gco2e().value(), 1e-9);

        Figure f = GridImpactFigure.figure(c);
        assertEquals(Plot.WIDTH, f.image().getWidth());
        assertTrue(f.caption().contains("Whiskers: the energy's interval only"), f.caption());
        assertTrue(f.source().contains("FRA 56.04 (2023)"), f.source());
        assertTrue(f.writePng(dir).toFile().length() > 1000);
    }

    @Test
    void aLocationWithoutAFigureIsNamedNotDrawn() {
        GridImpactFigure.Comparison c = GridImpactFigure.compare("w", Interval.exact(3.6e6), 1.0, CATALOG, List.of("FRA", "CAF"),
                List.of("gcp:europe-west1"));
        assertEquals(2, c.bars().size());
        assertEquals(1, c.missing().size());
        assertTrue(c.missing().get(0).startsWith("CAF: "), c.missing().get(0));
        assertTrue(GridImpactFigure.figure(c).caption().contains("Not drawn (no figure): CAF"));
        assertFalse(GridImpactFigure.WHAT_THE_FACTORS_LEAVE_OUT.isBlank());
        assertTrue(GridImpactFigure.WHAT_THE_FACTORS_LEAVE_OUT.contains("embodied") || GridImpactFigure.WHAT_THE_FACTORS_LEAVE_OUT.contains("Embodied"));
    }
}
