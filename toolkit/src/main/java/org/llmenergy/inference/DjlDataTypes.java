package org.llmenergy.inference;

import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.llmenergy.model.Precision;

/**
 * Which {@link Precision}s the DJL engine runs, and as which DJL data type. The number formats themselves belong
 * to {@code model}; what this engine can do with them belongs here.
 *
 * <p>DJL 0.36's PyTorch bindings cannot represent bfloat16: their dtype table (djl_pytorch_utils.h,
 * {@code GetScalarTypeFromDType}) stops at bool, and asking for a bfloat16 tensor aborts the whole JVM
 * ("terminate called without an active exception", seen on this machine). {@link Precision#BF16} is therefore
 * accepted as a name but refused with an explanation before any native call. FP16 has the same memory traffic per
 * parameter and, on A100/H100 tensor cores, the same peak rate, so it is the closest substitute for the paper's
 * bfloat16 runs. Norms, softmax and the logits are always computed in fp32, as Hugging Face transformers does.
 */
public final class DjlDataTypes {
    /** The precisions a run or a sweep spec may name: fp32, bf16 (refused at load, see above) and fp16. */
    public static final Set<Precision> ACCEPTED = Collections.unmodifiableSet(
            EnumSet.of(Precision.FP32, Precision.BF16, Precision.FP16));

    private DjlDataTypes() {}

    /**
     * Parses a dtype name with {@link Precision#parse} and checks that the engine accepts it.
     *
     * @param text a precision name, for example {@code fp16} or {@code float16}
     * @return the precision
     * @throws IllegalArgumentException naming the accepted dtypes when {@code text} is unknown or not accepted
     */
    public static Precision parse(String text) {
        Precision p;
        try {
            p = Precision.parse(text);
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null || !ACCEPTED.contains(p)) {
            throw new IllegalArgumentException("unknown dtype '" + text + "' (use " + acceptedLabels() + ")");
        }
        return p;
    }

    /** @return the accepted labels in declaration order, for example {@code "fp32, bf16, fp16"} */
    public static String acceptedLabels() {
        return ACCEPTED.stream().map(Precision::label).collect(Collectors.joining(", "));
    }

    /**
     * @param p a precision
     * @return its DJL data type
     * @throws UnsupportedOperationException for {@link Precision#BF16} and the formats the engine does not run,
     *                                       explaining why and what to use instead
     */
    public static DataType dataType(Precision p) {
        return switch (p) {
            case FP32 -> DataType.FLOAT32;
            case FP16 -> DataType.FLOAT16;
            case BF16 -> throw new UnsupportedOperationException("dtype bf16 is not supported: DJL 0.36's PyTorch JNI "
                    + "has no bfloat16 in its dtype table and aborts the JVM when asked for one; use fp16 (same bytes "
                    + "per parameter and tensor-core rate) or fp32");
            default -> throw new UnsupportedOperationException("dtype " + p.label() + " is not supported by the DJL "
                    + "engine; use fp32 or fp16");
        };
    }

    /**
     * @param p an accepted precision
     * @return bytes per element, whole (the accepted formats are 2 or 4 bytes)
     */
    static int bytesPerElement(Precision p) {
        return (int) Math.ceil(p.bytesPerElement());
    }
}
