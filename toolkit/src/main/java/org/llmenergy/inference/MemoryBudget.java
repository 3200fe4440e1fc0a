package org.llmenergy.inference;

import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Refuses to start something that cannot fit, before allocating it, so a too-large model or KV cache is a clear
 * message instead of an out-of-memory kill. Available memory: {@code MemAvailable} of {@code /proc/meminfo} on
 * the CPU, free memory from {@code cudaMemGetInfo} on a GPU. When neither can be read the check is skipped.
 */
final class MemoryBudget {
    private MemoryBudget() {}

    /**
     * @param what   what is about to be allocated, for the message
     * @param bytes  its size
     * @param device where
     * @throws IllegalStateException when it does not fit
     */
    static void require(String what, long bytes, ComputeDevice device) {
        OptionalLong available = available(device);
        if (available.isPresent() && bytes > available.getAsLong()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s needs about %.2f GB but only %.2f GB is available on %s",
                    what, bytes / 1e9, available.getAsLong() / 1e9, device.label()));
        }
    }

    static OptionalLong available(ComputeDevice device) {
        if (device.gpu()) {
            try {
                MemoryUsage m = CudaUtils.getGpuMemory(device.toDjl());
                return OptionalLong.of(m.getMax() - m.getCommitted());
            } catch (RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
