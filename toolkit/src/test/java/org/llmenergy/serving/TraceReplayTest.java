package org.llmenergy.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Presets;
import org.llmenergy.workload.Trace;

/** Replaying trace files: order, sorting and missing timestamps. */
class TraceReplayTest {
    private static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens\n";

    private static ServingSimulator sim() {
        return ServingSimulator.builder().setModel(CalibratedModel.builder().setModel(Presets.get("llama-3.1-8b"))
                .setGpu(GpuCatalog.builtIn().get("RTX-A6000")).optServing(Serving.continuous(64)).build()).build();
    }

    @Test
    void anOutOfOrderTraceIsRefusedNamingFileAndRequestUnlessSorted(@TempDir Path dir) throws Exception {
        Path shuffled = dir.resolve("shuffled.csv");
        Files.writeString(shuffled, HEADER + "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:16:10.0,200,20\n"
                + "2023-11-16 18:15:50.0,396,109\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceReplay.replay(sim(), Trace.open(shuffled), new Arrivals.FromTrace(1), false));
        assertTrue(e.getMessage().contains(shuffled.toString()) && e.getMessage().contains("request 3"), e.getMessage());
        assertTrue(e.getMessage().contains("--sort"), e.getMessage());

        Path ordered = dir.resolve("ordered.csv");
        Files.writeString(ordered, HEADER + "2023-11-16 18:15:46.0,374,44\n2023-11-16 18:15:50.0,396,109\n"
                + "2023-11-16 18:16:10.0,200,20\n");
        SimulationResult sorted = TraceReplay.replay(sim(), Trace.open(shuffled), new Arrivals.FromTrace(1), true);
        SimulationResult inOrder = TraceReplay.replay(sim(), Trace.open(ordered), new Arrivals.FromTrace(1), false);
        assertEquals(3, sorted.requests());
        assertEquals(inOrder.totalJoules(), sorted.totalJoules(), 1e-9);
        assertEquals(inOrder.makespanSeconds(), sorted.makespanSeconds(), 1e-9);
        assertTrue(sorted.makespanSeconds() > 24, "the last request arrives 24 s after the first: " + sorted.makespanSeconds());
        assertTrue(sorted.idleJoules() > 0);

        SimulationResult compressed = TraceReplay.replay(sim(), Trace.open(ordered), new Arrivals.FromTrace(0.1), false);
        assertTrue(compressed.makespanSeconds() < inOrder.makespanSeconds() - 20, "time scale 0.1 shrinks the gaps");
    }

    @Test
    void traceArrivalsNeedTimestampsButOtherArrivalsDoNot(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "input,output\n100,10\n200,20\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceReplay.replay(sim(), Trace.open(plain), new Arrivals.FromTrace(1), false));
        assertTrue(e.getMessage().contains("no arrival time"), e.getMessage());
        SimulationResult r = TraceReplay.replay(sim(), Trace.open(plain), new Arrivals.Poisson(1, 1), false);
        assertEquals(2, r.requests());
        assertEquals(30, r.outputTokens());
    }
}
