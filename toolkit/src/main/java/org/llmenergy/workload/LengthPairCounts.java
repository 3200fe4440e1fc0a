package org.llmenergy.workload;


/**
 * Counts requests per distinct (input, output) length pair while a trace streams through it, so a workload can be
 * priced at its exact lengths with one evaluation per distinct pair. Memory grows with the lengths seen and the
 * number of distinct pairs, never with the number of requests:
 * <ul>
 *   <li>pairs with input &lt; {@value #DENSE_INPUT_LIMIT} and output &lt; {@value #DENSE_OUTPUT_LIMIT} tokens, where
 *       nearly all of a chat or code trace lies, are counted in a dense grid of 16-bit counters that grows (by
 *       doubling each side) to the largest lengths seen, at most 16 MB: one array access per request, no hashing,
 *       and a small footprint. The pass is bound by cache misses, so increments are first appended to one of 64
 *       buffers by input range and applied a buffer at a time, each touching one 256 KB slice of the grid that
 *       stays in cache (a radix partition);</li>
 *   <li>longer pairs go to an open-addressing table of primitive longs (key and count side by side, at most half
 *       full), which grows with the number of distinct long pairs only.</li>
 * </ul>
 * A grid cell that reaches 65,535 spills its count into a small map (a hot pair spills once per 65,535 requests). Not thread-safe: one
 * counter per pass.
 */
public final class LengthPairCounts implements LengthSink {
    /** Inputs below this many tokens are counted in the dense grid. */
    public static final int DENSE_INPUT_LIMIT = 1 << 13;
    /** Outputs below this many tokens are counted in the dense grid. */
    public static final int DENSE_OUTPUT_LIMIT = 1 << 10;
    private static final long EMPTY = -1L;

    private char[] grid = new char[64 * 64];
    private int gridInputs = 64;    // rows: inputs 0 .. gridInputs - 1
    private int gridShift = 6;      // columns: outputs 0 .. 2^gridShift - 1
    private final java.util.Map<Long, Long> gridSpill = new java.util.HashMap<>();
    private static final int SLICE_BITS = 7;                 // 128 input rows per buffer
    private static final int BUFFER = 1 << 12;               // increments per buffer
    private final int[] pending = new int[(DENSE_INPUT_LIMIT >> SLICE_BITS) * BUFFER];   // (input << 10) | output
    private final int[] pendingLength = new int[DENSE_INPUT_LIMIT >> SLICE_BITS];

    private long[] table;           // key at 2k, count at 2k + 1
    private int tableSize;
    private int mask;
    private long requests;
    private long inputTokens;
    private long outputTokens;

    /** An empty counter. */
    public LengthPairCounts() {
        table = new long[2 << 10];
        for (int k = 0; k < table.length; k += 2) table[k] = EMPTY;
        mask = (table.length >> 1) - 1;
    }

    @Override
    public void accept(int input, int output) {
        if (input >= 0 && output >= 0 && input < gridInputs && output < (1 << gridShift)) {
            int slice = input >>> SLICE_BITS;
            int n = pendingLength[slice];
            pending[slice * BUFFER + n] = (input << 10) | output;
            if (++n == BUFFER) {
                apply(slice, n);
                n = 0;
            }
            pendingLength[slice] = n;
            requests++;
            inputTokens += input;
            outputTokens += output;
        } else {
            add(input, output, 1);
        }
    }

    /** Applies a slice's pending increments to the grid (whose layout may have grown since they were queued). */
    private void apply(int slice, int n) {
        int base = slice * BUFFER;
        int shift = gridShift;
        for (int k = base; k < base + n; k++) {
            int v = pending[k];
            int input = v >>> 10;
            int output = v & (DENSE_OUTPUT_LIMIT - 1);
            int cell = (input << shift) | output;
            if (++grid[cell] == Character.MAX_VALUE) spill(cell, input, output);
        }
    }

    private void applyAll() {
        for (int s = 0; s < pendingLength.length; s++) {
            if (pendingLength[s] > 0) apply(s, pendingLength[s]);
            pendingLength[s] = 0;
        }
    }

    private void spill(int cell, int input, int output) {
        gridSpill.merge(((long) input << 32) | output, (long) grid[cell], Long::sum);
        grid[cell] = 0;
    }

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
        requests += count;
        inputTokens += (long) input * count;
        outputTokens += (long) output * count;
        if (input < DENSE_INPUT_LIMIT && output < DENSE_OUTPUT_LIMIT) {
            growGrid(input, output);
            int cell = (input << gridShift) | output;
            long sum = grid[cell] + count;
            if (sum >= Character.MAX_VALUE) {
                gridSpill.merge(((long) input << 32) | output, sum, Long::sum);
                grid[cell] = 0;
            } else {
                grid[cell] = (char) sum;
            }
            return;
        }
        long key = ((long) input << 32) | output;
        int slot = slot(key);
        while (true) {
            long k = table[2 * slot];
            if (k == key) {
                table[2 * slot + 1] += count;
                return;
            }
            if (k == EMPTY) {
                table[2 * slot] = key;
                table[2 * slot + 1] = count;
                if (++tableSize * 4 > table.length) growTable();
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Grows the grid (doubling a side at a time) until it holds (input, output); both are below the limits. */
    private void growGrid(int input, int output) {
        int inputs = gridInputs;
        int shift = gridShift;
        while (input >= inputs) inputs <<= 1;
        while (output >= (1 << shift)) shift++;
        if (inputs == gridInputs && shift == gridShift) return;
        char[] bigger = new char[inputs << shift];
        for (int i = 0; i < gridInputs; i++) {
            System.arraycopy(grid, i << gridShift, bigger, i << shift, 1 << gridShift);
        }
        grid = bigger;
        gridInputs = inputs;
        gridShift = shift;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;   // Fibonacci hashing spreads the packed pair over the table
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private void growTable() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int k = 0; k < table.length; k += 2) table[k] = EMPTY;
        mask = (table.length >> 1) - 1;
        for (int k = 0; k < old.length; k += 2) {
            if (old[k] == EMPTY) continue;
            int slot = slot(old[k]);
            while (table[2 * slot] != EMPTY) slot = (slot + 1) & mask;
            table[2 * slot] = old[k];
            table[2 * slot + 1] = old[k + 1];
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
        applyAll();
        int columns = 1 << gridShift;
        for (int i = 0; i < gridInputs; i++) {
            int row = i << gridShift;
            for (int o = 0; o < columns; o++) {
                long n = grid[row + o];
                if (!gridSpill.isEmpty()) n += gridSpill.getOrDefault(((long) i << 32) | o, 0L);
                if (n > 0) visitor.visit(i, o, n);
            }
        }
        for (int k = 0; k < table.length; k += 2) {
            long key = table[k];
            if (key != EMPTY) visitor.visit((int) (key >>> 32), (int) key, table[k + 1]);
        }
    }

    /** @return the number of distinct (input, output) pairs */
    public int distinctPairs() {
        int[] n = {0};
        forEach((i, o, c) -> n[0]++);
        return n[0];
    }

    /** @return all requests counted */
    public long requests() { return requests; }

    /** @return the sum of input lengths, tokens */
    public long inputTokens() { return inputTokens; }

    /** @return the sum of output lengths, tokens */
    public long outputTokens() { return outputTokens; }
}
