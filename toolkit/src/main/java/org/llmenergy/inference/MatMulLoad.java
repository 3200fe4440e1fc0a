package org.llmenergy.inference;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A steady matrix-multiply load through DJL, for exercising energy meters: repeated n×n × n×n float32
 * products for a fixed time. Each product is read back (one element), which waits for the device.
 */
public final class MatMulLoad {

    /**
     * @param size       matrix side n
     * @param products   how many products were computed
     * @param seconds    how long it ran, s
     * @param flops      floating-point operations done, 2 n³ per product
     * @param device     the DJL device it ran on
     */
    public record Result(int size, long products, double seconds, double flops, String device) {
        /** @return achieved throughput in GFLOP/s */
        public double gflopsPerSecond() { return seconds > 0 ? flops / seconds / 1e9 : Double.NaN; }
    }

    private MatMulLoad() {}

    /** Runs on DJL's default device (a GPU when the engine has one, else the CPU). */
    public static Result run(int size, double seconds) {
        return run(size, seconds, null);
    }

    /**
     * @param size    matrix side, 1..16384
     * @param seconds how long to keep multiplying, > 0 (at least one product is always computed)
     * @param device  where to run; null for the engine's default device
     */
    public static Result run(int size, double seconds, Device device) {
        if (size < 1 || size > 16384) throw new IllegalArgumentException("matrix size must be 1..16384, was " + size);
        if (!(seconds > 0) || seconds > 3600) throw new IllegalArgumentException("seconds must be in (0, 3600], was " + seconds);
        try (NDManager manager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device)) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(size, size), DataType.FLOAT32);
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(size, size), DataType.FLOAT32);
            long start = System.nanoTime();
            long deadline = start + Math.round(seconds * 1e9);
            long products = 0;
            do {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // read back: the product is finished on any device
                }
                products++;
            } while (System.nanoTime() < deadline);
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(size, products, elapsed, 2.0 * size * size * (double) size * products,
                    manager.getDevice().toString());
        }
    }
}
