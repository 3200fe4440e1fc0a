package org.llmenergy.inference;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * Numeric precision of weights and activations.
 *
 * <p>DJL 0.36's PyTorch bindings cannot represent bfloat16: their dtype table (djl_pytorch_utils.h,
 * {@code GetScalarTypeFromDType}) stops at bool, and asking for a bfloat16 tensor aborts the whole JVM
 * ("terminate called without an active exception", seen on this machine). {@link #BF16} is therefore refused
 * with an explanation before any native call. FP16 has the same memory traffic per parameter and, on A100/H100
 * tensor cores, the same peak rate, so it is the closest substitute for the paper's bfloat16 runs. Norms,
 * softmax and the logits are always computed in fp32, as Hugging Face transformers does.
 */
public enum Precision {
    /** 32-bit float. Works on CPU and GPU. */
    FP32("fp32", DataType.FLOAT32, 4),
    /** bfloat16: not available through DJL 0.36's PyTorch engine (see the class comment). */
    BF16("bf16", null, 2),
    /** IEEE half precision. Works on GPU; on CPU every operation the model uses runs, slowly. */
    FP16("fp16", DataType.FLOAT16, 2);

    private final String label;
    private final DataType dataType;
    private final int bytes;

    Precision(String label, DataType dataType, int bytes) {
        this.label = label;
        this.dataType = dataType;
        this.bytes = bytes;
    }

    /** @return the CLI and results label, for example {@code "fp16"} */
    public String label() { return label; }

    /** @return bytes per element */
    public int bytesPerElement() { return bytes; }

    /**
     * @return the DJL data type
     * @throws UnsupportedOperationException for {@link #BF16}, explaining why and what to use instead
     */
    public DataType dataType() {
        if (dataType == null) {
            throw new UnsupportedOperationException("dtype bf16 is not supported: DJL 0.36's PyTorch JNI has no "
                    + "bfloat16 in its dtype table and aborts the JVM when asked for one; use fp16 (same bytes per "
                    + "parameter and tensor-core rate) or fp32");
        }
        return dataType;
    }

    /**
     * @param text {@code fp32}, {@code bf16} or {@code fp16} (also {@code float32}, {@code bfloat16}, {@code float16})
     * @return the precision
     */
    public static Precision parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fp32", "float32", "f32" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "f16", "half" -> FP16;
            default -> throw new IllegalArgumentException("unknown dtype '" + text + "' (use fp32, bf16 or fp16)");
        };
    }
}
