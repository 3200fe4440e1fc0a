package org.llmenergy.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.LengthMoments;
import org.llmenergy.estimate.RequestEnergy;
import org.llmenergy.estimate.RequestPricer;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.estimate.calibrated.SteadyState;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.model.Presets;

/** The simulator against the calibrated model it is built on (the real model and the shipped calibration). */
class ServingSimulatorTest {

    private static CalibratedModel model(String preset, String gpu, Serving serving) {
        return CalibratedModel.builder().setModel(Presets.get(preset)).setGpu(GpuCatalog.builtIn().get(gpu)).optServing(serving).build();
    }

    /** Seeded lengths: input 200-800, output 100-300 tokens. */
    private static int[][] lengths(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = new int[] {200 + r.nextInt(601), 100 + r.nextInt(201)};
        return out;
    }

    private static SimulationResult allAtOnce(ServingSimulator sim, int[][] reqs) {
        ServingSimulator.Run run = sim.start();
        for (int[] q : reqs) run.submit(0, q[0], q[1]);
        return run.finish();
    }

    @Test
    void atSaturationTheSimulatorReproducesTheSteadyStateWithinFivePercent() {
        CalibratedModel m = model("llama-3.1-8b", "H100", Serving.continuous(64));
        // ML.ENERGY lm-arena-chat style: prompts around TaskInputs' 200 tokens, outputs of a few hundred
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] reqs = new int[20_000][];
        for (int i = 0; i < reqs.length; i++) reqs[i] = new int[] {100 + rnd.nextInt(201), 200 + rnd.nextInt(601)};
        LengthMoments.Accumulator acc = new LengthMoments.Accumulator();
        for (int[] q : reqs) acc.add(q[0], q[1], 1);
        SteadyState s = m.steadyState(acc.moments());
        SimulationResult r = allAtOnce(ServingSimulator.builder().setModel(m).build(), reqs);
        assertEquals(20_000, r.requests());
        assertEquals(s.batch(), r.averageBatch(), 0.05 * s.batch(), "average batch");
        assertEquals(s.secondsPerStep(), r.meanIterationSeconds(), 0.05 * s.secondsPerStep(), "step time");
        assertEquals(s.secondsPerStep(), r.itl().p50(), 0.05 * s.secondsPerStep(), "median ITL");
        double perToken = r.busyJoules() / r.outputTokens();
        assertEquals(s.joulesPerOutputToken(), perToken, 0.05 * s.joulesPerOutputToken(), "J per output token");
    }

    @Test
    void pricingRunsInClosedFormStaysWithinHalfAPercentOfSteppingEveryIteration() {
        CalibratedModel m = model("llama-3.1-8b", "H100", Serving.continuous(32));
        int[][] reqs = lengths(1500, 11);
        SimulationResult[] results = new SimulationResult[2];
        for (int i = 0; i < 2; i++) {
            ServingSimulator sim = ServingSimulator.builder().setModel(m).optEveryIteration(i == 1).build();
            ServingSimulator.Run run = sim.start();
            Arrivals.Clock clock = new Arrivals.Poisson(6, 3).clock();
            for (int[] q : reqs) run.submit(clock.next(Double.NaN), q[0], q[1]);
            results[i] = run.finish();
        }
        SimulationResult runs = results[0], steps = results[1];
        assertTrue(runs.iterations() == steps.iterations(), runs.iterations() + " vs " + steps.iterations());
        assertEquals(steps.busyJoules(), runs.busyJoules(), 0.005 * steps.busyJoules());
        assertEquals(steps.makespanSeconds(), runs.makespanSeconds(), 0.005 * steps.makespanSeconds());
        assertEquals(steps.e2e().p90(), runs.e2e().p90(), 0.02 * steps.e2e().p90());
    }

    @Test
    void staticBatchesAllAtOnceGiveTheEstimatesPaperModeTotalWithinOnePercent() {
        CalibratedModel m = model("llama-3.1-8b", "RTX-A6000", Serving.staticBatch(8));
        int in = 500, out = 200, n = 64;
        RequestPricer pricer = m.pricerFor(LengthMoments.of(in, out));
        double estimate = n * assertInstanceOf(RequestEnergy.Priced.class, pricer.price(in, out)).totalJoules().value();
        int[][] reqs = new int[n][];
        for (int i = 0; i < n; i++) reqs[i] = new int[] {in, out};
        SimulationResult r = allAtOnce(ServingSimulator.builder().setModel(m).build(), reqs);
        assertEquals(estimate, r.totalJoules(), 0.01 * estimate);
        assertEquals(8.0, r.averageBatch(), 1e-9, "every iteration runs a full batch of 8");
        assertEquals(0, r.idleJoules(), 1e-9, "one replica, all at t = 0: never idle");
    }

    @Test
    void gapsBetweenArrivalsCostIdleEnergyAndTailsAreOrdered() {
        CalibratedModel m = model("llama-3.1-8b", "RTX-A6000", Serving.continuous(64));
        ServingSimulator sim = ServingSimulator.builder().setModel(m).optReplicas(2).optRouter(Router.LEAST_LOADED).build();
        ServingSimulator.Run run = sim.start();
        Arrivals.Clock clock = new Arrivals.Poisson(0.05, 5).clock();
        for (int[] q : lengths(100, 3)) run.submit(clock.next(Double.NaN), q[0], q[1]);
        SimulationResult r = run.finish();
        assertTrue(r.idleJoules() > 0, "idle " + r.idleJoules());
        assertTrue(r.utilisation() > 0 && r.utilisation() < 0.5, "utilisation " + r.utilisation());
        for (Percentiles p : List.of(r.ttft(), r.itl(), r.e2e())) assertTrue(p.p50() <= p.p90() && p.p90() <= p.p99(), p.toString());
        assertTrue(r.e2e().p50() > r.ttft().p50());
        double series = 0;
        for (PowerBins.PowerPoint p : r.power()) series += p.watts() * p.widthSeconds();
        assertEquals(r.totalJoules(), series, 1e-6 * r.totalJoules(), "the power series integrates to the total");
    }

    @Test
    void aFullCachePreemptsByRecomputeAndEveryTokenIsStillServed() {
        CalibratedModel m = model("llama-3.1-8b", "L4", Serving.continuous(64));
        double cap = m.kvCapacityTokens();
        List<RequestOutcome> outcomes = new ArrayList<>();
        ServingSimulator sim = ServingSimulator.builder().setModel(m).optRequestListener(outcomes::add).build();
        int in = 500, out = (int) Math.min(3000, cap / 4);
        int n = 40;
        int[][] reqs = new int[n][];
        for (int i = 0; i < n; i++) reqs[i] = new int[] {in, out};
        SimulationResult r = allAtOnce(sim, reqs);
        assertTrue(r.preemptions() > 0, "expected preemptions with a " + cap + "-token cache");
        assertEquals(n, r.requests());
        assertEquals((long) n * out, r.outputTokens());
        assertEquals(r.preemptions(), outcomes.stream().mapToLong(RequestOutcome::preemptions).sum());
        assertTrue(r.averageBatch() < cap / in, "the batch stays within what the cache holds: " + r.averageBatch());
    }

    @Test
    void badInputIsRefusedOrCountedWithItsReason() {
        CalibratedModel m = model("llama-3.1-8b", "RTX-A6000", Serving.continuous(64));
        ServingSimulator.Run run = ServingSimulator.builder().setModel(m).build().start();
        run.submit(5, 100, 10);
        OutOfOrderArrivalException e = assertThrows(OutOfOrderArrivalException.class, () -> run.submit(4, 100, 10));
        assertEquals(1, e.index());
        assertThrows(IllegalArgumentException.class, () -> Arrivals.parse("poisson:0", 1));
        assertThrows(IllegalArgumentException.class, () -> Arrivals.parse("poisson:-2", 1));
        assertThrows(IllegalArgumentException.class, () -> new Arrivals.FromTrace(0));
        CalibratedModel huge = model("llama-3.1-8b", "RTX-A6000", Serving.continuous(100_000));
        IllegalArgumentException kv = assertThrows(IllegalArgumentException.class, () -> ServingSimulator.builder().setModel(huge)
                .optMaxBatchedTokens(200_000).build());
        assertTrue(kv.getMessage().contains("1600000 tokens >"), kv.getMessage());

        ServingSimulator.Run counted = ServingSimulator.builder().setModel(m).build().start();
        counted.submit(0, 0, 10);
        counted.submit(0, 100_000, 100_000);
        counted.submit(1, 100, 10);
        SimulationResult r = counted.finish();
        assertEquals(1, r.requests());
        assertEquals(2, r.excludedRequests());
        assertEquals(2, r.exclusions().size(), r.exclusions().toString());
    }

    @Test
    void leastLoadedRoutingSpreadsABurstOverReplicas() {
        CalibratedModel m = model("llama-3.1-8b", "H100", Serving.continuous(16));
        List<RequestOutcome> outcomes = new ArrayList<>();
        ServingSimulator sim = ServingSimulator.builder().setModel(m).optReplicas(3).optRouter(Router.LEAST_LOADED)
                .optRequestListener(outcomes::add).build();
        SimulationResult r = allAtOnce(sim, lengths(90, 1));
        long[] perReplica = new long[3];
        for (RequestOutcome o : outcomes) perReplica[o.replica()]++;
        assertEquals(30, perReplica[0]);
        assertEquals(30, perReplica[1]);
        assertEquals(30, perReplica[2]);
        SimulationResult one = allAtOnce(ServingSimulator.builder().setModel(m).build(), lengths(90, 1));
        assertTrue(r.makespanSeconds() < one.makespanSeconds() / 2, r.makespanSeconds() + " vs " + one.makespanSeconds());
    }
}
