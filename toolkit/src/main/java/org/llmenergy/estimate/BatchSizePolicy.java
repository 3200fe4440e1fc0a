package org.llmenergy.estimate;

import java.util.Objects;
import java.util.OptionalInt;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.model.LargestBatch;
import org.llmenergy.model.MemoryModel;

/** How a bin's batch size B(I*, O*) is chosen when it is not measured. */
public sealed interface BatchSizePolicy {

    /**
     * @param inputBin  I*, in tokens
     * @param outputBin O*, in tokens
     * @return the batch size, or empty when no batch fits
     */
    OptionalInt batchFor(int inputBin, int outputBin);

    /** @return one line saying how batch sizes are chosen */
    String describe();

    /**
     * The same batch size for every bin.
     *
     * @param batch the batch size, at least 1
     */
    record Fixed(int batch) implements BatchSizePolicy {
        public Fixed {
            if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }

        @Override
        public OptionalInt batchFor(int inputBin, int outputBin) { return OptionalInt.of(batch); }

        @Override
        public String describe() { return "fixed batch size " + batch; }
    }

    /**
     * The largest batch that fits the GPU's memory by the memory model, as the paper's "maximum allowable batch
     * size" (Fernandez et al., ACL 2025, section 4.2), up to the model's cap.
     *
     * @param memory the memory model with its assumptions (and cap)
     * @param gpu    the device
     */
    record MemoryLimited(MemoryModel memory, GpuSpec gpu) implements BatchSizePolicy {
        public MemoryLimited {
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(gpu, "gpu");
        }

        @Override
        public OptionalInt batchFor(int inputBin, int outputBin) {
            LargestBatch lb = memory.largestBatch(inputBin, outputBin, gpu);
            return lb.batchSize();
        }

        @Override
        public String describe() {
            var a = memory.assumptions();
            return "largest batch fitting " + gpu.name() + " (" + gpu.memoryGb() + " GB, " + Math.round(a.usableFraction() * 100)
                    + "% usable, weights " + a.weights() + ", KV " + a.kvCache() + ") up to " + a.maxBatch();
        }
    }
}
