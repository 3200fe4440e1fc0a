package org.llmenergy.inference;

import ai.djl.Device;
import java.util.Locale;

/**
 * Where the model runs: the CPU, or a CUDA GPU by index.
 *
 * @param gpu   true for a GPU
 * @param index GPU index (0 for the CPU)
 */
public record ComputeDevice(boolean gpu, int index) {
    /** The CPU. */
    public static final ComputeDevice CPU = new ComputeDevice(false, 0);

    public ComputeDevice {
        if (index < 0) throw new IllegalArgumentException("device index must be >= 0, got " + index);
        if (!gpu && index != 0) throw new IllegalArgumentException("the CPU has no index");
    }

    /**
     * @param text {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}
     * @return the device
     */
    public static ComputeDevice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) return CPU;
        if (t.equals("gpu") || t.equals("cuda")) return new ComputeDevice(true, 0);
        if (t.startsWith("gpu:") || t.startsWith("cuda:")) {
            try {
                return new ComputeDevice(true, Integer.parseInt(t.substring(t.indexOf(':') + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad device '" + text + "' (use cpu, gpu or gpu:N)", e);
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "' (use cpu, gpu or gpu:N)");
    }

    /** @return the DJL device */
    public Device toDjl() { return gpu ? Device.gpu(index) : Device.cpu(); }

    /** @return {@code "cpu"} or {@code "gpu:N"} */
    public String label() { return gpu ? "gpu:" + index : "cpu"; }
}
