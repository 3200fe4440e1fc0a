package org.llmenergy.inference;

import ai.djl.ndarray.types.DataType;

/**
 * Element types of the safetensors format (https://github.com/huggingface/safetensors, "Format" section) with
 * their sizes. Only the floating-point ones can be loaded as weights; the others are known so that a header
 * using them can still be validated.
 */
enum SafetensorsDtype {
    BOOL(1, null), U8(1, null), I8(1, null), F8_E5M2(1, null), F8_E4M3(1, null),
    I16(2, null), U16(2, null), F16(2, DataType.FLOAT16), BF16(2, DataType.FLOAT32),
    I32(4, null), U32(4, null), F32(4, DataType.FLOAT32),
    F64(8, DataType.FLOAT64), I64(8, null), U64(8, null);

    private final int bytes;
    private final DataType loadedAs;

    SafetensorsDtype(int bytes, DataType loadedAs) {
        this.bytes = bytes;
        this.loadedAs = loadedAs;
    }

    /** @return bytes per element in the file */
    int bytes() { return bytes; }

    /**
     * @return the DJL type a loaded tensor has (bfloat16 is widened to float32, since DJL 0.36's PyTorch engine
     * cannot hold bfloat16), or null when the type cannot be loaded as weights
     */
    DataType loadedAs() { return loadedAs; }

    /** @return the dtype for a header's {@code dtype} string, or null when unknown */
    static SafetensorsDtype fromHeader(String s) {
        for (SafetensorsDtype d : values()) if (d.name().equals(s)) return d;
        return null;
    }
}
