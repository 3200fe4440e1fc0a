package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LengthPairCountsTest {
    @Test
    void countsEveryDistinctPairLikeAMapThroughManyResizes() {
        LengthPairCounts counts = new LengthPairCounts();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        long inputs = 0;
        for (int k = 0; k < 200_000; k++) {
            int in = 1 + (int) Math.exp(rnd.nextDouble() * 9);
            int out = rnd.nextInt(400);
            counts.accept(in, out);
            expected.merge(((long) in << 32) | out, 1L, Long::sum);
            inputs += in;
        }
        assertEquals(expected.size(), counts.distinctPairs());
        assertEquals(200_000, counts.requests());
        assertEquals(inputs, counts.inputTokens());
        Map<Long, Long> seen = new HashMap<>();
        counts.forEach((in, out, n) -> seen.put(((long) in << 32) | out, n));
        assertEquals(expected, seen);
    }

    @Test
    void zeroLengthsAreCountedAndNegativeOnesRefused() {
        LengthPairCounts counts = new LengthPairCounts();
        counts.add(0, 0, 3);
        counts.add(5, 0, 2);
        Map<Long, Long> seen = new HashMap<>();
        counts.forEach((in, out, n) -> seen.put(((long) in << 32) | out, n));
        assertEquals(Map.of(0L, 3L, 5L << 32, 2L), seen);
        assertThrows(IllegalArgumentException.class, () -> counts.add(-1, 3, 1));
    }
}
