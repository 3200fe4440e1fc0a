package org.llmenergy.model;

/**
 * Which decoder layers attend only the most recent {@code tokens} positions (sliding-window, "local" attention)
 * and which attend the whole context ("global").
 *
 * <p>Layer {@code i} (0-based) is global when {@code globalEvery > 0} and {@code (i + 1) % globalEvery == 0};
 * every other layer uses the window. So {@code globalEvery = 2} alternates local, global, local, ... (Gemma 2,
 * gpt-oss), {@code globalEvery = 6} gives five local layers to one global (Gemma 3), and {@code globalEvery = 0}
 * puts the window on every layer (Mistral 7B v0.1). {@link #NONE} means every layer is global.
 *
 * @param tokens      window length in tokens, the query's own position included; 0 = no window
 * @param globalEvery period of the global layers as above; 0 = no global layer (only when {@code tokens > 0})
 */
public record SlidingWindow(int tokens, int globalEvery) {
    /** No sliding window: every layer attends the whole context. */
    public static final SlidingWindow NONE = new SlidingWindow(0, 1);

    public SlidingWindow {
        if (tokens < 0) throw new IllegalArgumentException("sliding window tokens must be >= 0, got " + tokens);
        if (globalEvery < 0) throw new IllegalArgumentException("sliding window globalEvery must be >= 0, got " + globalEvery);
        if (tokens == 0 && globalEvery != 1) {
            throw new IllegalArgumentException("without a window (tokens = 0) every layer is global: globalEvery must be 1, got " + globalEvery);
        }
    }

    /**
     * @param tokens window length in tokens
     * @return a window on every layer
     */
    public static SlidingWindow everyLayer(int tokens) { return new SlidingWindow(requireWindow(tokens), 0); }

    /**
     * @param tokens      window length in tokens
     * @param globalEvery every {@code globalEvery}-th layer is global (the last of each group)
     * @return a window on all other layers
     */
    public static SlidingWindow withGlobalEvery(int tokens, int globalEvery) {
        if (globalEvery < 2) throw new IllegalArgumentException("globalEvery must be >= 2 for a mixed pattern, got " + globalEvery);
        return new SlidingWindow(requireWindow(tokens), globalEvery);
    }

    private static int requireWindow(int tokens) {
        if (tokens <= 0) throw new IllegalArgumentException("sliding window must be > 0 tokens, got " + tokens);
        return tokens;
    }

    /** @return true when some layer uses a window */
    public boolean present() { return tokens > 0; }

    /**
     * @param layer 0-based layer index
     * @return true when that layer attends only the last {@link #tokens()} positions
     */
    public boolean isLocal(int layer) {
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        if (tokens == 0) return false;
        return globalEvery == 0 || (layer + 1) % globalEvery != 0;
    }

    /**
     * @param numLayers decoder layers
     * @return how many of them use the window
     */
    public int localLayers(int numLayers) {
        int n = 0;
        for (int i = 0; i < numLayers; i++) if (isLocal(i)) n++;
        return n;
    }
}
