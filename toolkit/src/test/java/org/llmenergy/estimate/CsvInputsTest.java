package org.llmenergy.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.units.Provenance;

class CsvInputsTest {
    @TempDir Path dir;

    @Test
    void readsEnergiesWithSourceColumnOrDefault() throws IOException {
        Path f = dir.resolve("e.csv");
        Files.writeString(f, "input_bin,output_bin,batch_size,energy_j,source\n32,8,4,12.5,nvml-counter\n");
        BatchEnergy b = BatchEnergiesCsv.read(f, Optional.empty()).get(0);
        assertEquals(12.5, b.energyJoules());
        assertEquals(Provenance.Source.NVML_COUNTER, b.provenance().source());
        assertEquals("2", b.provenance().details().get("line"));

        Path g = dir.resolve("g.csv");
        Files.writeString(g, "input_bin,output_bin,batch_size,energy_j\n32,8,4,12.5\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchEnergiesCsv.read(g, Optional.empty()))
                .getMessage().contains("source"));
        assertEquals(Provenance.Source.RAPL, BatchEnergiesCsv.read(g, Optional.of(Provenance.Source.RAPL)).get(0).provenance().source());
    }

    @Test
    void zeroEnergyCellIsRejectedWithItsPlace() throws IOException {
        Path f = dir.resolve("e.csv");
        Files.writeString(f, "input_bin,output_bin,batch_size,energy_j\n32,8,4,0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchEnergiesCsv.read(f, Optional.of(Provenance.Source.RAPL)));
        assertTrue(e.getMessage().contains(f + ":2:4 (energy_j)"), e.getMessage());
    }
}
