package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinCountsCsvTest {
    @TempDir Path dir;

    @Test
    void readsWhatBinnedWorkloadWrites() throws Exception {
        BinCounter counter = Binning.paper().newCounter();
        counter.accept(20, 5);
        counter.accept(100, 20);
        counter.accept(100, 20);
        BinnedWorkload w = counter.result();
        Path f = dir.resolve("bins.csv");
        Files.writeString(f, w.toCsv());
        assertEquals(w.counts(), BinCountsCsv.read(f));
        assertEquals(List.of(new BinCount(32, 8, 1), new BinCount(128, 32, 2)), BinCountsCsv.read(f));
    }

    @Test
    void badInputNamesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bins.csv");
        Files.writeString(f, "input_bin,output_bin,requests\n32,8,10\n128,x,3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> BinCountsCsv.read(f));
        assertTrue(e.getMessage().contains(f + ":3:2 (output_bin)") && e.getMessage().contains("'x'"), e.getMessage());
        Files.writeString(f, "input,output,n\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinCountsCsv.read(f)).getMessage().contains(f + ":1:"));
        Files.writeString(f, "input_bin,output_bin,requests\n32,8,1\n32,8,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinCountsCsv.read(f)).getMessage().contains("repeats"));
        Files.writeString(f, "input_bin,output_bin,requests\n32,8,-1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BinCountsCsv.read(f)).getMessage().contains("must be >= 0"));
    }
}
