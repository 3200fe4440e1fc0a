package org.llmenergy.inference;

/**
 * One tensor listed in a safetensors header.
 *
 * @param name   tensor name
 * @param dtype  element type
 * @param shape  dimensions
 * @param start  first byte, as an absolute offset in the file
 * @param end    one past the last byte, as an absolute offset in the file
 */
record SafetensorsTensor(String name, SafetensorsDtype dtype, long[] shape, long start, long end) {
    /** @return the byte count */
    long byteLength() { return end - start; }

    /** @return the element count */
    long elementCount() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }
}
