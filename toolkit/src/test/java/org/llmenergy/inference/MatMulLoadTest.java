package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatMulLoadTest {
    @Test
    void runsForAboutTheRequestedTimeAndCountsFlops() {
        MatMulLoad.Result r = MatMulLoad.run(64, 0.2);
        assertTrue(r.products() > 1, "products " + r.products());
        assertTrue(r.seconds() >= 0.2 && r.seconds() < 2, "seconds " + r.seconds());
        assertEquals(2.0 * 64 * 64 * 64 * r.products(), r.flops());
        assertTrue(r.gflopsPerSecond() > 0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MatMulLoad.run(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MatMulLoad.run(8, 0));
    }
}
