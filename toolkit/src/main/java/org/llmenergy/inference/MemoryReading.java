package org.llmenergy.inference;

/**
 * A peak-memory figure, or why there is none.
 *
 * @param bytes  the peak, in bytes, or null when it could not be read
 * @param method how it was obtained (what it includes), or why it is missing when {@code bytes} is null
 */
public record MemoryReading(Long bytes, String method) {
    public MemoryReading {
        if (method == null || method.isBlank()) throw new IllegalArgumentException("a memory reading needs a method or a reason");
        if (bytes != null && bytes < 0) throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }

    /** @return a missing reading with its reason */
    public static MemoryReading unavailable(String reason) { return new MemoryReading(null, reason); }
}
