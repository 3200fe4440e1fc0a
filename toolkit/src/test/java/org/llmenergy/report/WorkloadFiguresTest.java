package org.llmenergy.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.workload.Binning;
import org.llmenergy.workload.TraceProfile;
import tech.tablesaw.api.Table;

class WorkloadFiguresTest {
    @TempDir Path dir;

    /** Five requests: inputs 10, 100, 300, 300, 9000 (the last one overflows), outputs 5, 20, 20, 600, 7. */
    private TraceProfile profile() throws Exception {
        Path f = dir.resolve("trace.csv");
        Files.writeString(f, "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,10,5\n"
                + "2023-11-16 18:15:50.9951690,100,20\n"
                + "2023-11-16 18:15:51.0000000,300,20\n"
                + "2023-11-16 18:15:52.0000000,300,600\n"
                + "2023-11-16 18:15:53.0000000,9000,7\n");
        return TraceProfile.of(f.toString(), Binning.paper());
    }

    @Test
    void lengthTablesPutExactStatisticsBesideThePaperRows() throws Exception {
        Table t1 = WorkloadFigures.lengthTable(WorkloadFigures.Lengths.INPUT, List.of(profile()));
        assertEquals(4, t1.rowCount(), "our row and the paper's three");
        assertEquals(5, t1.longColumn("requests").get(0));
        assertEquals((10 + 100 + 300 + 300 + 9000) / 5.0, t1.doubleColumn("mean").get(0), 1e-9);
        assertEquals(300, t1.doubleColumn("median").get(0));
        assertEquals(9000, t1.doubleColumn("max").get(0));
        assertEquals("paper-published", t1.stringColumn("source").get(2));
        assertEquals(1631.58, t1.doubleColumn("mean").get(2), 1e-9, "Azure Chat's published input mean");

        Table t2 = WorkloadFigures.lengthTable(WorkloadFigures.Lengths.OUTPUT, List.of(profile()));
        assertEquals(20, t2.doubleColumn("median").get(0));
        assertEquals(105.51, t2.doubleColumn("mean").get(2), 1e-9);
    }

    @Test
    void heatMapCaptionCountsTheExcludedRequests() throws Exception {
        Figure f = WorkloadFigures.binHeatMap(profile());
        assertTrue(f.caption().startsWith("3 requests in 3 non-empty bins"), f.caption());
        assertTrue(f.caption().contains("2 excluded"), f.caption());
        assertTrue(f.caption().contains("input only 1, output only 1"), f.caption());
    }

    @Test
    void figure7DrawsTheRealAndTheBinnedCdf() throws Exception {
        TraceProfile p = profile();
        Figure f = WorkloadFigures.figure7(p, WorkloadFigures.Lengths.INPUT);
        assertEquals(800, f.image().getWidth());
        assertTrue(f.id().startsWith("fig7-input-"), f.id());
        // The binned CDF over the kept requests (inputs 10, 100, 300 -> bins 32, 128, 512) reaches 1.0.
        assertEquals(1.0, p.binned().inputCdf().get(p.binned().inputCdf().size() - 1).fraction(), 1e-12);
    }
}
