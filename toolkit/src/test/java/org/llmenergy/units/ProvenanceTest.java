package org.llmenergy.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.llmenergy.units.Provenance.Flag;
import org.llmenergy.units.Provenance.Source;

/** The provenance builder, derived figures and typed flags. */
class ProvenanceTest {
    private static Provenance window(double start, double end, boolean valid, String... reasons) {
        return Provenance.builder().setSource(Source.NVML_COUNTER).optDevices(List.of("gpu0 H100")).optDriver("550.54")
                .optSamplingIntervalS(0.1).optWindow(start, end).optValid(valid).optReasons(List.of(reasons))
                .optDetail("window", "prefill").build();
    }

    @Test
    void builderDefaultsAndRequiredSource() {
        Provenance p = Provenance.builder().setSource(Source.MODEL).build();
        assertTrue(p.valid());
        assertFalse(p.netOfIdle());
        assertTrue(p.reasons().isEmpty() && p.details().isEmpty() && p.flags().isEmpty() && p.derivedFrom().isEmpty());
        assertEquals(p, Provenance.of(Source.MODEL, Map.of()));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Provenance.builder().build());
        assertTrue(none.getMessage().contains("setSource"), none.getMessage());
        IllegalStateException backwards = assertThrows(IllegalStateException.class,
                () -> Provenance.builder().setSource(Source.RAPL).optWindow(20.0, 10.0).build());
        assertTrue(backwards.getMessage().contains("before it starts"), backwards.getMessage());
    }

    @Test
    void invalidAddsTheReasonAndToBuilderKeepsEverything() {
        Provenance p = window(10, 20, true, "quantised").toBuilder().optFlag(Flag.COUNTER_QUANTISED).build();
        assertEquals(p, p.toBuilder().build());
        Provenance bad = p.toBuilder().invalid("disagree").optFlag(Flag.METHODS_DISAGREE).build();
        assertFalse(bad.valid());
        assertEquals(List.of("quantised", "disagree"), bad.reasons());
        assertEquals(Set.of(Flag.COUNTER_QUANTISED, Flag.METHODS_DISAGREE), bad.flags());
        assertTrue(bad.has(Flag.METHODS_DISAGREE) && !p.has(Flag.METHODS_DISAGREE));
    }

    @Test
    void aDerivedFigureCombinesItsInputsAndKeepsThem() {
        Provenance a = window(10, 20, true, "quantised");
        Provenance b = window(30, 35, false, "quantised", "gap").toBuilder().optFlag(Flag.SAMPLE_GAP).build();
        Provenance sum = Provenance.derivedFrom(List.of(a, b)).optDetail("summed", "2 windows").build();
        assertEquals(Source.NVML_COUNTER, sum.source());
        assertEquals(10.0, sum.windowStartS());
        assertEquals(35.0, sum.windowEndS());
        assertFalse(sum.valid(), "one invalid input makes the derived figure invalid");
        assertEquals(List.of("quantised", "gap"), sum.reasons());
        assertEquals(Set.of(Flag.SAMPLE_GAP), sum.flags());
        assertEquals(List.of("gpu0 H100"), sum.devices());
        assertEquals("prefill", sum.details().get("window"));
        assertEquals(List.of(a, b), sum.derivedFrom());
        assertThrows(IllegalArgumentException.class, () -> Provenance.derivedFrom(List.of()));
    }

    @Test
    void aLimitListsTheFirstInputsButCombinesAll() {
        Provenance ok = window(0, 1, true);
        Provenance late = window(5, 9, false, "late window invalid");
        Provenance sum = Provenance.derivedFrom(List.of(ok, ok, late)).optDerivedFromLimit(2).build();
        assertEquals(List.of(ok, ok), sum.derivedFrom());
        assertEquals("the first 2 of 3 inputs", sum.details().get("derivedFromListed"));
        assertFalse(sum.valid());
        assertEquals(9.0, sum.windowEndS());
    }

    @Test
    void flagsHaveStableLabels() {
        for (Flag f : Flag.values()) assertEquals(f, Flag.fromLabel(f.label()));
        assertEquals("extrapolated", Flag.EXTRAPOLATED.label());
        assertThrows(IllegalArgumentException.class, () -> Flag.fromLabel("EXTRAPOLATED"));
    }
}
