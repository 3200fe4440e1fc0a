package org.llmenergy.workload;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how many requests have each token length: the exact, bounded-memory accumulator behind the
 * length statistics. Lengths below 2^20 are counted in an array that grows to the largest length seen
 * (at most 8 MiB); rarer, larger lengths go to a sorted map. Memory depends on the largest length, never
 * on the number of requests.
 */
public final class LengthHistogram {
    private static final int DENSE_LIMIT = 1 << 20;

    private long[] dense = new long[1 << 14];
    private final TreeMap<Integer, Long> sparse = new TreeMap<>();

    /** @param tokens a length, tokens (≥ 0) */
    public void add(int tokens) {
        if (tokens < dense.length && tokens >= 0) dense[tokens]++;
        else addSlow(tokens);
    }

    private void addSlow(int tokens) {
        if (tokens < 0) throw new IllegalArgumentException("a length cannot be negative: " + tokens);
        addCount(tokens, 1);
    }

    /** Adds every count of {@code other} to this histogram. */
    public void addAll(LengthHistogram other) {
        for (int v = 0; v < other.dense.length; v++) {
            if (other.dense[v] != 0) addCount(v, other.dense[v]);
        }
        for (Map.Entry<Integer, Long> e : other.sparse.entrySet()) addCount(e.getKey(), e.getValue());
    }

    private void addCount(int v, long c) {
        if (v >= DENSE_LIMIT) {
            sparse.merge(v, c, Long::sum);
            return;
        }
        if (v >= dense.length) dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Integer.highestOneBit(v) * 2));
        dense[v] += c;
    }

    /** @return an immutable snapshot of the counts */
    public LengthDistribution toDistribution() {
        int distinct = sparse.size();
        for (long c : dense) if (c != 0) distinct++;
        int[] values = new int[distinct];
        long[] counts = new long[distinct];
        int k = 0;
        for (int v = 0; v < dense.length; v++) {
            if (dense[v] != 0) {
                values[k] = v;
                counts[k++] = dense[v];
            }
        }
        for (Map.Entry<Integer, Long> e : sparse.entrySet()) {
            values[k] = e.getKey();
            counts[k++] = e.getValue();
        }
        return new LengthDistribution(values, counts);
    }
}
