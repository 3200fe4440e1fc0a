package org.llmenergy.inference;

import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of a run, from what the platform exposes. libtorch's allocator statistics are not reachable through
 * DJL 0.36, so:
 * <ul>
 *   <li>CPU: the process's peak resident set ({@code VmHWM} in {@code /proc/self/status}), reset before the run by
 *   writing 5 to {@code /proc/self/clear_refs} (Linux, proc(5)). It includes the weights and the JVM.</li>
 *   <li>GPU: device memory in use at the end of the run ({@code cudaMemGetInfo}), after emptying libtorch's
 *   caching allocator before the run. The allocator keeps what it reserved until emptied, so this is the run's
 *   peak reservation plus weights, the CUDA context and any other process on the device.</li>
 * </ul>
 */
abstract class PeakMemoryProbe {
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Prepares for a run. */
    abstract void reset();

    /** @return the peak since {@link #reset()}, or why it is unknown */
    abstract MemoryReading read();

    static PeakMemoryProbe of(ComputeDevice device) {
        return device.gpu() ? new Gpu(device) : new Cpu();
    }

    private static final class Cpu extends PeakMemoryProbe {
        private boolean resetWorked;
        private String resetFailure = "not reset yet";

        @Override
        void reset() {
            try {
                Files.writeString(CLEAR_REFS, "5");
                resetWorked = true;
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                resetWorked = false;
                resetFailure = "cannot reset the peak via " + CLEAR_REFS + ": " + e.getMessage();
            }
        }

        @Override
        MemoryReading read() {
            if (!resetWorked) return MemoryReading.unavailable(resetFailure);
            try {
                for (String line : Files.readAllLines(STATUS)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        return new MemoryReading(kb * 1024, "process peak resident set during the run "
                                + "(VmHWM after clear_refs); includes weights and the JVM");
                    }
                }
                return MemoryReading.unavailable(STATUS + " has no VmHWM line");
            } catch (IOException | NumberFormatException e) {
                return MemoryReading.unavailable("cannot read " + STATUS + ": " + e.getMessage());
            }
        }
    }

    private static final class Gpu extends PeakMemoryProbe {
        private final ComputeDevice device;

        Gpu(ComputeDevice device) {
            this.device = device;
        }

        @Override
        void reset() {
            JniUtils.emptyCudaCache();
        }

        @Override
        MemoryReading read() {
            try {
                long used = CudaUtils.getGpuMemory(device.toDjl()).getCommitted();
                return new MemoryReading(used, "device memory in use at the end of the run (cudaMemGetInfo) after "
                        + "emptying libtorch's caching allocator before it: the run's peak reservation plus weights, "
                        + "CUDA context and other processes");
            } catch (RuntimeException e) {
                return MemoryReading.unavailable("cudaMemGetInfo failed: " + e.getMessage());
            }
        }
    }
}
