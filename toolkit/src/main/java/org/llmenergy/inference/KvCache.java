package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.llmenergy.model.ModelConfig;

/**
 * Keys and values of every layer for a batch of sequences, preallocated for a fixed capacity so that a decode
 * step writes one position in place instead of growing tensors.
 *
 * <p>Layout per layer: {@code [rows, kvHeads, capacity, headDim]}. A slice {@code [:, :, :length]} of it is a view
 * whose per-(row, head) blocks are contiguous, which libtorch's batched matrix product reads without a copy.
 */
final class KvCache implements AutoCloseable {
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int rows;
    private final int capacity;
    private int length;

    private KvCache(NDArray[] keys, NDArray[] values, int rows, int capacity) {
        this.keys = keys;
        this.values = values;
        this.rows = rows;
        this.capacity = capacity;
    }

    /**
     * Allocates an uninitialised cache (positions are written before they are read).
     *
     * @param manager  owner, on the model's device
     * @param config   the architecture
     * @param rows     sequences (batch x beams)
     * @param capacity positions per sequence
     * @param type     element type
     * @return an empty cache
     */
    static KvCache allocate(NDManager manager, ModelConfig config, int rows, int capacity, DataType type) {
        Shape shape = new Shape(rows, config.numKvHeads(), capacity, config.headDim());
        NDArray[] k = new NDArray[config.numLayers()];
        NDArray[] v = new NDArray[config.numLayers()];
        for (int i = 0; i < k.length; i++) {
            k[i] = manager.create(shape, type);
            v[i] = manager.create(shape, type);
            // The cache outlives any per-step NDScope it may be allocated in.
            NDScope.unregister(k[i], v[i]);
        }
        return new KvCache(k, v, rows, capacity);
    }

    /** @return positions filled so far */
    int length() { return length; }

    /** @return positions the cache can hold */
    int capacity() { return capacity; }

    /** @return sequences held */
    int rows() { return rows; }

    /**
     * Writes new keys and values at the current end; call {@link #advance} once every layer is written.
     *
     * @param layer layer index
     * @param k     {@code [rows, kvHeads, T, headDim]}
     * @param v     same shape
     */
    void write(int layer, NDArray k, NDArray v) {
        int t = Math.toIntExact(k.getShape().get(2));
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache overflow: " + length + " + " + t + " > capacity " + capacity);
        }
        NDIndex at = NDIndex.sliceAxis(2, length, length + t);
        keys[layer].set(at, k);
        values[layer].set(at, v);
    }

    /** @return keys of positions {@code [0, end)} as a view */
    NDArray keys(int layer, int end) { return prefix(keys[layer], end); }

    /** @return values of positions {@code [0, end)} as a view */
    NDArray values(int layer, int end) { return prefix(values[layer], end); }

    private NDArray prefix(NDArray a, int end) {
        return end == capacity ? a : a.get(NDIndex.sliceAxis(2, 0, end));
    }

    /** Marks {@code t} more positions as filled. */
    void advance(int t) {
        if (length + t > capacity) throw new IllegalStateException("KV cache overflow");
        length += t;
    }

    /**
     * Forgets positions from {@code newLength} on (speculative decoding's rollback of rejected drafts).
     *
     * @param newLength positions to keep, at most the current length
     */
    void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate a cache of length " + length + " to " + newLength);
        }
        length = newLength;
    }

    /**
     * Replaces row {@code i} by row {@code sourceRows[i]} in every layer, over the filled positions only (beam
     * search's reordering).
     *
     * @param sourceRows int64 {@code [rows]} on the cache's device
     */
    void reorderRows(NDArray sourceRows) {
        NDIndex filled = NDIndex.sliceAxis(2, 0, length);
        try (NDScope ignored = new NDScope()) {
            for (int i = 0; i < keys.length; i++) {
                keys[i].set(filled, keys[i].get(filled).get(new NDIndex("{}", sourceRows)));
                values[i].set(filled, values[i].get(filled).get(new NDIndex("{}", sourceRows)));
            }
        }
    }

    /**
     * A new cache whose row {@code i} is this cache's row {@code sourceRows[i]}, with the same filled length.
     *
     * @param manager    owner of the new cache
     * @param sourceRows int64 {@code [newRows]}
     * @param config     the architecture
     * @return the new cache; this one is unchanged
     */
    KvCache gatherRows(NDManager manager, NDArray sourceRows, ModelConfig config) {
        int newRows = Math.toIntExact(sourceRows.getShape().get(0));
        KvCache out = allocate(manager, config, newRows, capacity, keys[0].getDataType());
        NDIndex filled = NDIndex.sliceAxis(2, 0, length);
        try (NDScope ignored = new NDScope()) {
            for (int i = 0; i < keys.length; i++) {
                out.keys[i].set(filled, keys[i].get(filled).get(new NDIndex("{}", sourceRows)));
                out.values[i].set(filled, values[i].get(filled).get(new NDIndex("{}", sourceRows)));
            }
        }
        out.length = length;
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            keys[i].close();
            values[i].close();
        }
    }
}
