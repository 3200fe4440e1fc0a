package org.llmenergy.estimate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.units.Provenance;

class Figure2FitTest {
    private final Figure2Fit fit = Figure2Fit.fit(PaperNumbers.load());

    @Test
    void fitsTheDigitisedCurvesWithinTheirReadingError() {
        assertTrue(fit.prefillRmsLogResidual() < 0.10, fit.describe());
        assertTrue(fit.decodeRmsLogResidual() < 0.10, fit.describe());
        for (FitResidual r : fit.residuals()) {
            if (r.role() == FitResidual.Role.FITTED) assertTrue(Math.abs(r.logResidual()) < 0.2, r.toString());
        }
        // held out: the decode-vs-input panel, never fitted
        double heldOut = fit.rmsLogResidual(Figure2Fit.DECODE_INPUT_PANEL, FitResidual.Role.HELD_OUT);
        assertTrue(heldOut < 0.15, fit.describe());
        assertEquals(6, fit.residuals().stream().filter(r -> r.role() == FitResidual.Role.HELD_OUT).count());
    }

    @Test
    void singleTokenDecodePointsAreExcludedAndWouldWorsenTheFit() {
        assertEquals(4, fit.residuals().stream().filter(r -> r.role() == FitResidual.Role.EXCLUDED).count());
        Figure2Fit all = Figure2Fit.fit(PaperNumbers.load(), true);
        assertTrue(all.singleTokenDecodeIncluded());
        assertTrue(all.decodeRmsLogResidual() > 2 * fit.decodeRmsLogResidual(), all.describe());
    }

    @Test
    void reproducesTheDigestsPerTokenConversions() {
        double u = Figure2Fit.JOULES_PER_REQUEST_PER_FIGURE_UNIT;
        // prefill at 4k tokens: ~0.036 J per prompt token
        double prefillPerToken = fit.prefillJoulesPerRequest(4096, 1) / 4096;
        assertEquals(0.036, prefillPerToken, 0.036 * 0.15);
        // decode at batch 1: ~5.3 J per token (64 outputs, 512-token prompt)
        assertEquals(5.3, fit.decodeJoulesPerRequest(512, 64, 1) / 63, 5.3 * 0.15);
        // the figure's BS128 decode at 4095 tokens: 0.28 kWh per 1,024 examples
        assertEquals(0.28, fit.decodeJoulesPerRequest(512, 4096, 128) / u, 0.28 * 0.2);
        // coefficients are physical (non-negative) and the per-forward cost is shared by the batch
        assertTrue(fit.prefillJoulesPerRequest(1, 1) > 10 * fit.prefillJoulesPerRequest(1, 128));
    }

    @Test
    void computeAndMemoryPartsAddUp() {
        double all = fit.requestJoules(1024, 128, 64);
        assertEquals(all, fit.computeBoundJoulesPerRequest(1024, 128, 64) + fit.memoryBoundJoulesPerRequest(1024, 128, 64), all * 1e-12);
        assertTrue(fit.memoryBoundJoulesPerRequest(1024, 128, 64) > 0 && fit.computeBoundJoulesPerRequest(1024, 128, 64) > 0);
    }

    @Test
    void batchEnergyIsAModelCitingFigure2AndFlagsExtrapolation() {
        BatchEnergy inside = fit.batchEnergy(512, 64, 64);
        assertEquals(64 * fit.requestJoules(512, 64, 64), inside.energyJoules(), 1e-9);
        assertEquals(Provenance.Source.MODEL, inside.provenance().source());
        assertEquals("Fernandez et al., ACL 2025, Fig. 2", inside.provenance().details().get("citation"));
        assertTrue(fit.extrapolationFlags(512, 64, 64).isEmpty());
        BatchEnergy outside = fit.batchEnergy(512, 64, 256);
        assertTrue(outside.provenance().reasons().stream().anyMatch(s -> s.startsWith("batch above Figure 2's largest (128)")), outside.provenance().reasons().toString());
        assertTrue(outside.provenance().has(Provenance.Flag.EXTRAPOLATED));
        assertTrue(inside.provenance().flags().isEmpty(), inside.provenance().flags().toString());
    }
}
