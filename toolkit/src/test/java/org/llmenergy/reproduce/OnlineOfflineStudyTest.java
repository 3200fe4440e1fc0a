package org.llmenergy.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmenergy.report.Panel;
import org.llmenergy.report.ServingFigures;
import org.llmenergy.serving.SimulationResult;

/** The notebook 09 study on a small bursty trace file: bursts of 8 requests, 60 s apart. */
class OnlineOfflineStudyTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S");

    /** 6 bursts of 8 requests, 60 s apart; returns the number of requests in the first {@code windowSeconds}. */
    private static int writeBursty(Path file, double windowSeconds) throws Exception {
        StringBuilder sb = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
        LocalDateTime start = LocalDateTime.of(2023, 11, 16, 18, 0);
        SplittableRandom r = new SplittableRandom(3);
        int inWindow = 0;
        for (int burst = 0; burst < 6; burst++) {
            for (int i = 0; i < 8; i++) {
                double t = burst * 60 + i * 0.1;
                if (t < windowSeconds) inWindow++;
                sb.append(start.plusNanos((long) (t * 1e9)).format(TS)).append(',').append(100 + r.nextInt(900)).append(',')
                        .append(20 + r.nextInt(300)).append('\n');
            }
        }
        Files.writeString(file, sb.toString());
        return inWindow;
    }

    @Test
    void theSameRequestsAreServedOnlineAndOfflineAndTheFiguresCarryThem(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("bursty.csv");
        int inWindow = writeBursty(trace, 60);
        OnlineOfflineStudy s = OnlineOfflineStudy.run(trace.toString(), "llama-3.1-8b", "RTX-A6000", List.of(32, 1, 8), 60,
                List.of(0.5, 50.0));

        assertEquals(List.of(1, 8, 32), s.onlineOffline().stream().map(ServingFigures.OnlineOffline::batch).toList());
        for (ServingFigures.OnlineOffline p : s.onlineOffline()) {
            assertEquals(48, p.online().requests());
            assertEquals(p.offline().outputTokens(), p.online().outputTokens(), "the same requests both ways");
            assertTrue(p.online().idleJoules() > 0, "the trace has gaps between bursts: the GPU idles");
            assertTrue(p.online().makespanSeconds() >= 300, "the last burst arrives 300 s after the first");
        }
        // Static batches of 1 and continuous batching at max_num_seqs 1 run the same iterations; online only adds idle.
        ServingFigures.OnlineOffline one = s.onlineOffline().get(0);
        assertTrue(one.online().totalJoules() > one.offline().totalJoules(), "online at batch 1 pays idle on top");
        assertTrue(one.reductionPercent() < 0, "negative reduction at batch 1, as in the paper's Figure 9: " + one.reductionPercent());

        assertEquals(inWindow, s.window().requests(), "the window holds only the requests arriving in its first 60 s");
        assertTrue(s.window().makespanSeconds() < s.onlineOffline().get(2).online().makespanSeconds());

        SimulationResult slow = s.load().get(0).result(), fast = s.load().get(1).result();
        assertTrue(slow.totalJoules() / slow.outputTokens() > fast.totalJoules() / fast.outputTokens(),
                "at 0.5 requests/s idle dominates; at 50 it is amortised");

        List<ServingFigures.FrontierPoint> f = s.frontier();
        double perToken1 = f.get(0).result().totalJoules() / f.get(0).result().outputTokens();
        double perToken32 = f.get(2).result().totalJoules() / f.get(2).result().outputTokens();
        assertTrue(perToken32 < perToken1, "batching amortises weights: " + perToken32 + " vs " + perToken1);
        assertTrue(f.get(2).result().e2e().p50() < f.get(0).result().e2e().p50(), "bursts of 8 queue behind max_num_seqs 1");

        List<Panel> panels = s.panels();
        assertEquals(List.of("serving-online-vs-offline", "serving-power-over-time", "serving-energy-vs-load",
                "serving-latency-energy-frontier"), panels.stream().map(Panel::id).toList());
    }

    @Test
    void aTraceWithoutTimestampsIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("lengths.csv");
        Files.writeString(trace, "input_tokens,output_tokens\n100,20\n200,30\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnlineOfflineStudy.run(trace.toString(), "llama-3.1-8b", "RTX-A6000", List.of(8), 60, List.of(1.0)));
        assertTrue(e.getMessage().contains(trace.toString()) && e.getMessage().contains("request 1"), e.getMessage());
    }
}
