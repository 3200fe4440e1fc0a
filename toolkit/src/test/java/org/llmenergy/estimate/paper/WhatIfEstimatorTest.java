package org.llmenergy.estimate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

class WhatIfEstimatorTest {
    private final Figure2Fit fit = Figure2Fit.fit(PaperNumbers.load());
    private final WhatIfEstimator whatIf = new WhatIfEstimator(fit);
    private final List<BinCount> bins = List.of(new BinCount(512, 64, 1000), new BinCount(2048, 128, 200));

    @Test
    void onTheFittedGpuItIsTheFitWithABand() {
        GpuSpec a6000 = GpuCatalog.builtIn().get("RTX-A6000");
        WhatIfAnswer a = whatIf.energy(bins, a6000, new BatchSizePolicy.Fixed(64));
        double expected = 1000 * fit.requestJoules(512, 64, 64) + 200 * fit.requestJoules(2048, 128, 64);
        assertEquals(expected, a.joules().getAsDouble(), expected * 1e-9);
        // band at least the digitisation error, at most fit + digitisation combined
        assertTrue(a.logSigma() >= WhatIfEstimator.DIGITIZATION_LOG_ERROR && a.logSigma() < 0.2, Double.toString(a.logSigma()));
        assertEquals(expected * Math.exp(-a.logSigma()), a.lowJoules().getAsDouble(), expected * 1e-9);
        assertEquals(expected * Math.exp(a.logSigma()), a.highJoules().getAsDouble(), expected * 1e-9);
        assertTrue(a.flags().isEmpty(), a.flags().toString());
        assertEquals(Provenance.Source.MODEL, a.provenance().source());
        assertTrue(a.describe().contains("ESTIMATE"), a.describe());
    }

    @Test
    void anotherGpuIsRescaledAndFlaggedUnvalidated() {
        GpuSpec h100 = GpuCatalog.builtIn().get("H100-SXM5-80GB");
        WhatIfAnswer a6000 = whatIf.energy(bins, GpuCatalog.builtIn().get("RTX-A6000"), new BatchSizePolicy.Fixed(64));
        WhatIfAnswer a = whatIf.energy(bins, h100, new BatchSizePolicy.Fixed(64));
        // H100: 700 W over 989 TFLOP/s and 3.35 TB/s, both cheaper per FLOP and per byte than 300 W / 155 TFLOP/s / 768 GB/s
        assertTrue(a.joules().getAsDouble() < a6000.joules().getAsDouble());
        assertTrue(a.flags().stream().anyMatch(f -> f.contains("UNVALIDATED")), a.flags().toString());
    }

    @Test
    void batchesThatDoNotFitAreFlagged() {
        GpuSpec l4 = GpuCatalog.builtIn().get("L4");
        WhatIfAnswer a = whatIf.energy(bins, l4, new BatchSizePolicy.Fixed(256));
        assertTrue(a.flags().stream().anyMatch(f -> f.contains("exceeds what the memory model fits")), a.flags().toString());
        assertTrue(a.flags().stream().anyMatch(f -> f.contains("outside Figure 2's range")), a.flags().toString());
    }
}
