package org.llmenergy.experiment.djl;

import org.llmenergy.experiment.protocol.RunPlan;
import org.llmenergy.experiment.results.CellRun;
import org.llmenergy.experiment.spec.Cell;
import org.llmenergy.experiment.spec.SpecReader;
import org.llmenergy.experiment.spec.SweepSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.llmenergy.energy.Channel;
import org.llmenergy.energy.ChannelReadings;
import org.llmenergy.energy.EnergyMeter;
import org.llmenergy.energy.MeterBackend;
import org.llmenergy.energy.MeterKind;
import org.llmenergy.energy.MeterOptions;
import org.llmenergy.energy.Meters;
import org.llmenergy.units.Provenance;

/**
 * The DJL executor's windows on the tiny preset: an {@link Error} thrown inside a cell (here by the meter's
 * backend, the lowest seam, at the prefill window's end) must not leave the cell or phase window open.
 */
class DjlCellExecutorWindowsTest {

    /** A one-channel counter that advances 1 J per read and throws {@code error} at read number {@code failAt}. */
    private static final class ScriptedCounter implements MeterBackend {
        private long microjoules;
        private int reads;
        int failAt = Integer.MAX_VALUE;
        Error error;
        EnergyMeter meter;
        Set<String> openAtFailure;

        @Override public MeterKind kind() { return MeterKind.RAPL; }
        @Override public String driver() { return null; }
        @Override public Map<String, String> details() { return Map.of(); }
        @Override public List<String> caveats() { return List.of(); }

        @Override
        public List<Channel> channels() {
            return List.of(new Channel("package-0", "package", "scripted counter", true, Provenance.Source.RAPL, 1e-6,
                    -1, 10_000, null, null, "counter only", null, Double.NaN, false, Map.of()));
        }

        @Override
        public void read(ChannelReadings into) {
            if (++reads == failAt) {
                openAtFailure = meter.openWindows();
                throw error;
            }
            microjoules += 1_000_000;
            into.counter(0, microjoules);
        }

        @Override public void close() {}
    }

    private static Cell tinyCell() {
        SweepSpec spec = SpecReader.parse("""
                {"name": "windows", "engine": "djl", "models": ["tiny-15m"], "device": "cpu", "dtype": "fp32",
                 "cells": {"grid": {"batch": [1], "input": [8], "output": [2]}}}
                """, "windows.json", null);
        return spec.expandCells().get(0);
    }

    @Test
    void anErrorInsideACellClosesTheCellAndPhaseWindows() throws Exception {
        ScriptedCounter backend = new ScriptedCounter();
        EnergyMeter meter = Meters.of(backend, MeterOptions.builder().optSamplingIntervalS(0).build(), "scripted");
        backend.meter = meter;
        Cell cell = tinyCell();
        RunPlan plan = new RunPlan(RunPlan.Purpose.FULL, 1, 1, 8, 2, true, true);
        try (DjlCellExecutor executor = new DjlCellExecutor(meter)) {
            // a run that works first: the windows are ended and measured, none stays open
            CellRun ok = executor.execute(cell, plan);
            assertNotNull(ok.energy().joules());
            assertNotNull(ok.prefillEnergy().joules());
            assertTrue(meter.openWindows().isEmpty(), meter.openWindows().toString());

            for (Error error : List.of(new AssertionError("scripted failure"), new StackOverflowError("scripted"))) {
                // reads from here: the cell window's start, prefill's start, then prefill's end, which fails
                backend.failAt = backend.reads + 3;
                backend.error = error;
                Error thrown = assertThrows(Error.class, () -> executor.execute(cell, plan));
                assertSame(error, thrown);
                assertEquals(Set.of("cell", "prefill"), backend.openAtFailure, "the failure happened inside both windows");
                assertTrue(meter.openWindows().isEmpty(), () -> "left open: " + meter.openWindows());
            }

            // and the meter is still usable: the next cell measures normally
            backend.failAt = Integer.MAX_VALUE;
            assertNotNull(executor.execute(cell, plan).decodeEnergy().joules());
        }
    }
}
