package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.results.EnergyAmounts;
import org.llmenergy.experiment.results.IdlePower;
import org.llmenergy.experiment.results.PhaseEnergy;
import org.llmenergy.experiment.results.RepeatMeasurement;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.units.Provenance;

class MeasurementDeriverTest {
    static final Provenance COUNTER = Provenance.builder().setSource(Provenance.Source.NVML_COUNTER)
            .optDevices(List.of("GPU-1: H100")).optDriver("550.54").optWindow(10.0, 20.0).build();
    static final RunPlan PREFILL = new RunPlan(RunPlan.Purpose.PREFILL, 8, 128, 512, 1, true, false);
    static final RunPlan FULL = new RunPlan(RunPlan.Purpose.FULL, 8, 128, 512, 64, true, true);
    static final IdlePower IDLE = IdlePower.of(50, 10, COUNTER);

    static CellRun run(RunPlan p, Double joules, double seconds) {
        EnergyFigure e = joules == null ? EnergyFigure.unavailable("meter unavailable") : EnergyFigure.of(joules, COUNTER);
        return new CellRun(p.examples(), p.plannedInputTokens(), p.plannedOutputTokens(), seconds, seconds / 4,
                seconds * 3 / 4, e, e.isPresent() ? EnergyFigure.of(joules / 4, COUNTER) : e,
                EnergyFigure.unavailable("phase windows too short for the counter's 100 ms updates"));
    }

    @Test
    void figuresNormalisePer1024RequestAndToken() {
        RepeatMeasurement m = MeasurementDeriver.derive(PREFILL, run(PREFILL, 2000.0, 10), FULL, run(FULL, 26000.0, 100), IDLE, 20);
        PhaseEnergy d = m.energy().decode();
        assertEquals(24000, d.gross().joules(), 1e-9);
        assertEquals(24000.0 * 1024 / 1024, d.gross().per1024J(), 1e-9);
        assertEquals(24000.0 / 1024, d.gross().perRequestJ(), 1e-9);
        assertEquals(24000.0 / (1024 * 63), d.gross().perTokenJ(), 1e-12);
        assertEquals(90, d.seconds(), 1e-12);
        assertEquals(24000 - 50 * 90, d.net().joules(), 1e-9);
        assertEquals(24000.0 / 90, d.gross().meanPowerW(), 1e-9);
        assertEquals("550.54", d.gross().provenance().driver());
        assertEquals("2000.0", d.gross().provenance().details().get("prefillRunJ"));
        assertTrue(d.gross().provenance().valid());
        assertEquals(2, d.gross().provenance().derivedFrom().size(), "full run and prefill run");
        assertTrue(d.gross().provenance().flags().isEmpty());
        assertEquals(2000.0 / (1024 * 512), m.energy().prefill().gross().perTokenJ(), 1e-15);
        assertEquals(26000.0 / (1024 * 64), m.energy().total().gross().perTokenJ(), 1e-15);
        assertEquals(6500, m.energy().prefillWindow().gross().joules(), 1e-9);
        assertNull(m.energy().decodeWindow().gross().joules());
        assertEquals("phase windows too short for the counter's 100 ms updates",
                m.energy().decodeWindow().gross().missingReason());
        assertEquals(1024 / 100.0, m.throughput().requestsPerS(), 1e-12);
        assertEquals(100.0 / 128, m.throughput().batchLatencyS(), 1e-12);
    }

    @Test
    void negativeSubtractionIsKeptButFlaggedInvalid() {
        RepeatMeasurement m = MeasurementDeriver.derive(PREFILL, run(PREFILL, 3000.0, 10), FULL, run(FULL, 2900.0, 11), IDLE, 0);
        EnergyAmounts g = m.energy().decode().gross();
        assertEquals(-100, g.joules(), 1e-9);
        assertFalse(g.provenance().valid());
        assertTrue(g.provenance().reasons().get(0).startsWith("decode by subtraction is negative"));
        assertTrue(g.provenance().has(Provenance.Flag.NEGATIVE));
    }

    @Test
    void idleAboveTheWindowPowerMakesNetInvalid() {
        RepeatMeasurement m = MeasurementDeriver.derive(PREFILL, run(PREFILL, 100.0, 10), FULL, run(FULL, 5000.0, 100), IDLE, 0);
        EnergyAmounts net = m.energy().prefill().net();
        assertEquals(100 - 500, net.joules(), 1e-9);
        assertFalse(net.provenance().valid());
        assertTrue(net.provenance().netOfIdle());
        assertTrue(net.provenance().has(Provenance.Flag.NEGATIVE));
    }

    @Test
    void missingReadingsPropagateWithReasonsNeverZero() {
        RepeatMeasurement m = MeasurementDeriver.derive(PREFILL, run(PREFILL, null, 10), FULL, run(FULL, 5000.0, 100),
                IdlePower.missing("no idle measured"), 0);
        assertNull(m.energy().prefill().gross().joules());
        assertEquals("meter unavailable", m.energy().prefill().gross().missingReason());
        assertNull(m.energy().decode().gross().joules());
        assertTrue(m.energy().decode().gross().missingReason().contains("prefill run absent (meter unavailable)"));
        assertEquals(5000, m.energy().total().gross().joules());
        assertNull(m.energy().total().net().joules());
        assertEquals("no idle baseline: no idle measured", m.energy().total().net().missingReason());
    }

    @Test
    void readingsRefuseZeroAsUnknown() {
        assertThrows(IllegalArgumentException.class, () -> new EnergyFigure(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EnergyFigure(1.0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EnergyFigure(Double.NaN, null, COUNTER));
    }
}
