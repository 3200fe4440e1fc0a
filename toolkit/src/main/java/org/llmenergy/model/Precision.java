package org.llmenergy.model;

/** Number formats for weights, KV cache and activations, with their storage size. */
public enum Precision {
    FP32(4),
    BF16(2),
    FP16(2),
    FP8(1);

    private final int bytes;

    Precision(int bytes) { this.bytes = bytes; }

    /** @return bytes per element */
    public int bytes() { return bytes; }
}
