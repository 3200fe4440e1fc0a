package org.llmenergy.hardware;

import java.util.Locale;
import java.util.Objects;

/**
 * The GPU-to-GPU link one accelerator uses for tensor-parallel traffic inside a node, as its datasheet states it.
 * Datasheets quote NVLink, Infinity Fabric and PCIe bandwidth as the sum of both directions; an all-reduce moves
 * data both ways at once, so its time is bounded by {@link #bytesPerSecondPerDirection()}.
 *
 * @param name      for example {@code "NVLink 4"}, {@code "PCIe Gen4 x16"}, {@code "Infinity Fabric (7 links x 128 GB/s)"}
 * @param gbPerS    the datasheet's per-GPU bandwidth in GB/s (1e9 bytes/s), counted as {@code direction} says
 * @param direction whether {@code gbPerS} sums both directions or is one direction
 * @param source    the document the figure comes from
 */
public record Interconnect(String name, double gbPerS, Direction direction, String source) {
    /** How a quoted bandwidth is counted. */
    public enum Direction {
        /** The sum of both directions (NVIDIA's and AMD's convention for NVLink, PCIe and Infinity Fabric). */
        BIDIRECTIONAL,
        /** One direction. */
        UNIDIRECTIONAL;

        /**
         * @param text {@code bidirectional} or {@code unidirectional}, case-insensitive
         * @return the direction
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Direction parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "bidirectional" -> BIDIRECTIONAL;
                case "unidirectional" -> UNIDIRECTIONAL;
                default -> throw new IllegalArgumentException("interconnect direction '" + text
                        + "' is neither bidirectional nor unidirectional");
            };
        }
    }

    public Interconnect {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) throw new IllegalArgumentException("interconnect name is empty");
        if (!(gbPerS > 0) || Double.isInfinite(gbPerS)) {
            throw new IllegalArgumentException("interconnect " + name + ": bandwidth must be a positive number of GB/s, got " + gbPerS);
        }
    }

    /** @return bytes per second one GPU can send while it also receives as much (half a bidirectional figure) */
    public double bytesPerSecondPerDirection() {
        return gbPerS * 1e9 / (direction == Direction.BIDIRECTIONAL ? 2 : 1);
    }

    /** @return bytes per second summed over both directions */
    public double bytesPerSecondBothDirections() {
        return gbPerS * 1e9 * (direction == Direction.BIDIRECTIONAL ? 1 : 2);
    }
}
