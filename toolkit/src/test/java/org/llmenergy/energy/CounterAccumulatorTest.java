package org.llmenergy.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterAccumulatorTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a64BitCounterThatWrapsIsCountedOnce() {
        CounterAccumulator a = new CounterAccumulator(0, 1e-3, 1000);
        a.update(-100L, 0);               // 2^64 - 100 mJ as an unsigned value
        assertEquals(0.3, a.update(200L, SECOND), 1e-12); // 100 mJ to wrap + 200 mJ
        assertEquals(0, a.resets());
    }

    @Test
    void aRaplCounterWrapsAtItsMaxEnergyRange() {
        CounterAccumulator a = new CounterAccumulator(1_000_000L, 1e-6, 2000);
        a.update(900_000L, 0);
        assertEquals(0.15, a.update(50_000L, SECOND), 1e-12);
    }

    @Test
    void anImplausibleJumpIsAResetNotEnergy() {
        CounterAccumulator a = new CounterAccumulator(0, 1e-3, 700);
        a.update(5_000_000L, 0);
        assertEquals(0.0, a.update(10L, SECOND / 10), 1e-12); // dropped to near zero: a driver reload
        assertEquals(1, a.resets());
        assertEquals(0.01, a.update(20L, SECOND / 5), 1e-12); // counting resumes from the new base
    }

    @Test
    void aCounterThatNeverWrapsTreatsADecreaseAsAReset() {
        CounterAccumulator a = new CounterAccumulator(-1, 1e-9, 100);
        a.update(5_000L, 0);
        a.update(4_000L, SECOND);
        assertEquals(1, a.resets());
    }
}
