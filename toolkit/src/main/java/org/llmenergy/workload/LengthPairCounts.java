package org.llmenergy.workload;

import java.util.Arrays;

/**
 * Counts requests per distinct (input, output) length pair while a trace streams through it, so a workload can be
 * priced at its exact lengths with one evaluation per distinct pair. An open-addressing table of primitive longs:
 * memory grows with the number of distinct pairs (16 bytes per slot, at most half full), never with the number of
 * requests. A 27-million-row trace with lengths up to ~13k x ~1k tokens has about two million distinct pairs,
 * about 64 MB. Not thread-safe: one counter per pass.
 */
public final class LengthPairCounts implements LengthSink {
    private static final long EMPTY = -1L;

    private long[] keys;
    private long[] counts;
    private int size;
    private int mask;
    private long requests;
    private long inputTokens;
    private long outputTokens;

    /** An empty counter. */
    public LengthPairCounts() {
        keys = new long[1 << 12];
        counts = new long[keys.length];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
    }

    @Override
    public void accept(int input, int output) { add(input, output, 1); }

    /**
     * Adds {@code count} requests of one shape.
     *
     * @param input  prompt length, tokens (≥ 0)
     * @param output generated length, tokens (≥ 0)
     * @param count  requests (≥ 0)
     */
    public void add(int input, int output, long count) {
        if ((input | output) < 0 || count < 0) {
            throw new IllegalArgumentException("lengths and counts must be >= 0, got (" + input + ", " + output + ") x " + count);
        }
        if (count == 0) return;
        long key = ((long) input << 32) | output;
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot] += count;
                break;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                counts[slot] = count;
                if (++size * 2 > keys.length) grow();
                break;
            }
            slot = (slot + 1) & mask;
        }
        requests += count;
        inputTokens += (long) input * count;
        outputTokens += (long) output * count;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;   // Fibonacci hashing spreads the packed pair over the table
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[keys.length];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == EMPTY) continue;
            int slot = slot(oldKeys[i]);
            while (keys[slot] != EMPTY) slot = (slot + 1) & mask;
            keys[slot] = oldKeys[i];
            counts[slot] = oldCounts[i];
        }
    }

    /** Receives one distinct pair with its request count. */
    @FunctionalInterface
    public interface PairVisitor {
        /**
         * @param input    prompt length, tokens
         * @param output   generated length, tokens
         * @param requests requests with exactly these lengths (> 0)
         */
        void visit(int input, int output, long requests);
    }

    /** Visits every distinct pair once, in no particular order. */
    public void forEach(PairVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            if (k != EMPTY) visitor.visit((int) (k >>> 32), (int) k, counts[i]);
        }
    }

    /** @return the number of distinct (input, output) pairs */
    public int distinctPairs() { return size; }

    /** @return all requests counted */
    public long requests() { return requests; }

    /** @return the sum of input lengths, tokens */
    public long inputTokens() { return inputTokens; }

    /** @return the sum of output lengths, tokens */
    public long outputTokens() { return outputTokens; }
}
