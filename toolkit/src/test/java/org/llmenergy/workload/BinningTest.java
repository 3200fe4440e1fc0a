package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BinningTest {
    @Test
    void ceilingMapOfThePaper() {
        Binning b = Binning.paper();
        assertEquals(32, b.inputBin(0));
        assertEquals(32, b.inputBin(32));
        assertEquals(128, b.inputBin(33));
        assertEquals(8192, b.inputBin(8192));
        assertEquals(-1, b.inputBin(8193));
        assertEquals(8, b.outputBin(0));
        assertEquals(64, b.outputBin(33));
        assertEquals(512, b.outputBin(512));
        assertEquals(-1, b.outputBin(513));
        Binning clip = b.withOverflow(OverflowPolicy.CLIP);
        assertEquals(8192, clip.inputBin(100_000));
        assertEquals(512, clip.outputBin(513));
    }

    @Test
    void figure7HasNoOutputBin64() {
        Binning f = Binning.figure7();
        assertFalse(f.outputEdges().contains(64));
        assertEquals(128, f.outputBin(33));
        assertEquals(Binning.paper().inputEdges(), f.inputEdges());
        assertEquals(f, Binning.named("figure7"));
        assertThrows(IllegalArgumentException.class, () -> Binning.named("fig8"));
    }

    @Test
    void customEdgesMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> Binning.of(List.of(32, 16), List.of(8)));
        assertThrows(IllegalArgumentException.class, () -> Binning.of(List.of(0, 16), List.of(8)));
        assertThrows(IllegalArgumentException.class, () -> Binning.of(List.of(), List.of(8)));
        // Large edges use binary search instead of a table: same ceiling map.
        Binning big = Binning.of(List.of(10, 100_000, 1_000_000), List.of(5));
        assertEquals(100_000, big.inputBin(11));
        assertEquals(1_000_000, big.inputBin(1_000_000));
        assertEquals(-1, big.inputBin(1_000_001));
    }

    @Test
    void tableAndBinarySearchAgreeOnRandomLengths() {
        Random r = new Random(3);
        Binning paper = Binning.paper();
        List<Integer> edges = paper.inputEdges();
        for (int k = 0; k < 10_000; k++) {
            int v = r.nextInt(10_000);
            int expected = edges.stream().filter(e -> e >= v).findFirst().orElse(-1);
            assertEquals(expected, paper.inputBin(v), "length " + v);
        }
    }

    @Test
    void countsExclusionsByReason() {
        BinCounter c = Binning.paper().newCounter();
        c.accept(10, 3);       // (32, 8)
        c.accept(32, 8);       // (32, 8)
        c.accept(9000, 10);    // input only
        c.accept(100, 600);    // output only
        c.accept(9000, 600);   // both
        c.accept(8192, 512);   // (8192, 512)
        BinnedWorkload w = c.result();
        assertEquals(3, w.total());
        assertEquals(new OverflowCounts(1, 1, 1), w.overflow());
        assertEquals(3, w.excluded());
        assertEquals(0, w.clipped());
        assertEquals(6, w.requestsSeen());
        assertEquals(List.of(new BinCount(32, 8, 2), new BinCount(8192, 512, 1)), w.counts());
        assertEquals(2, w.count(32, 8));
        assertEquals(0, w.count(128, 8));
        assertThrows(IllegalArgumentException.class, () -> w.count(33, 8));
        assertEquals("input_bin,output_bin,requests\n32,8,2\n8192,512,1\n", w.toCsv());
    }

    @Test
    void clipPutsOverflowInTheLargestBins() {
        BinCounter c = Binning.paper().withOverflow(OverflowPolicy.CLIP).newCounter();
        c.accept(9000, 10);
        c.accept(100, 600);
        c.accept(9000, 600);
        BinnedWorkload w = c.result();
        assertEquals(3, w.total());
        assertEquals(0, w.excluded());
        assertEquals(3, w.clipped());
        assertEquals(List.of(new BinCount(128, 512, 1), new BinCount(8192, 16, 1), new BinCount(8192, 512, 1)), w.counts());
    }

    @Test
    void binnedCdfsAndTable() {
        BinCounter c = Binning.paper().newCounter();
        c.accept(20, 5);
        c.accept(200, 5);
        c.accept(200, 100);
        c.accept(5000, 400);
        BinnedWorkload w = c.result();
        List<CdfPoint> in = w.inputCdf();
        assertEquals(8, in.size());
        assertEquals(new CdfPoint(32, 0.25), in.get(0));
        assertEquals(new CdfPoint(128, 0.25), in.get(1));
        assertEquals(new CdfPoint(256, 0.75), in.get(2));
        assertEquals(new CdfPoint(8192, 1.0), in.get(7));
        List<CdfPoint> out = w.outputCdf();
        assertEquals(new CdfPoint(8, 0.5), out.get(0));
        assertEquals(new CdfPoint(128, 0.75), out.get(4));
        assertEquals(1.0, out.get(6).fraction());
        Table t = w.toTable();
        assertEquals(List.of("input_bin", "output_bin", "requests"), t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals(8192, t.intColumn("input_bin").getInt(3));
        assertEquals(1L, t.longColumn("requests").getLong(3));
        assertTrue(w.inputTotals().values().stream().mapToLong(Long::longValue).sum() == w.total());
    }
}
