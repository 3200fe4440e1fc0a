package org.llmenergy.model;

import java.util.Locale;

/**
 * Number formats for weights, KV cache and activations, with their storage size. Four-bit formats carry their
 * block scales in the size: MXFP4 stores 32 four-bit elements with one shared 8-bit scale, 4 + 8/32 = 4.25 bits
 * per element (OCP Microscaling Formats (MX) v1.0 specification, 2023).
 *
 * <p>The one precision type of the toolkit: the analytic models use every format; the DJL engine runs the subset
 * {@code inference.DjlDataTypes.ACCEPTED} (that class, not this enum, refuses bf16).
 */
public enum Precision {
    /** IEEE single precision, 4 bytes. */
    FP32("fp32", 4),
    /** bfloat16, 2 bytes. */
    BF16("bf16", 2),
    /** IEEE half precision, 2 bytes. */
    FP16("fp16", 2),
    /** 8-bit float (e4m3 or e5m2), 1 byte; per-tensor or per-block scales are not counted. */
    FP8("fp8", 1),
    /** 8-bit integer, 1 byte; scales not counted. */
    INT8("int8", 1),
    /** 4-bit integer (AWQ/GPTQ-style weights), 0.5 byte; group scales not counted. */
    INT4("int4", 0.5),
    /** OCP MXFP4: e2m1 elements in blocks of 32 with a shared e8m0 scale, 4.25 bits = 0.53125 byte per element. */
    MXFP4("mxfp4", 4.25 / 8);

    private final String label;
    private final double bytes;

    Precision(String label, double bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** @return the short label, for example {@code "bf16"} */
    public String label() { return label; }

    /** @return bytes per element (fractional for the 4-bit formats) */
    public double bytesPerElement() { return bytes; }

    /**
     * @param elements number of elements
     * @return their storage in bytes, rounded up to a whole byte
     */
    public long bytesFor(long elements) {
        if (elements < 0) throw new IllegalArgumentException("elements must be >= 0, got " + elements);
        return (long) Math.ceil(elements * bytes);
    }

    /**
     * Reads the spellings ML.ENERGY ({@code "bfloat16"}, {@code "fp8"}), Hugging Face ({@code torch_dtype},
     * {@code quant_method}: {@code "float8_e4m3fn"}, {@code "mxfp4"}) and the CLI ({@code "bf16"}) use.
     *
     * @param text a format name, case-insensitive
     * @return the precision
     * @throws IllegalArgumentException naming the accepted spellings when {@code text} is none of them
     */
    public static Precision parse(String text) {
        if (text == null) throw new IllegalArgumentException("precision is missing (null)");
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "fp32", "float32", "f32", "float" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "f16", "half" -> FP16;
            case "fp8", "float8", "f8", "float8_e4m3fn", "float8_e4m3", "float8_e5m2", "fp8_e4m3", "fp8_e5m2", "e4m3", "e5m2" -> FP8;
            case "int8", "i8", "w8a8" -> INT8;
            case "int4", "i4", "w4a16", "awq", "gptq" -> INT4;
            case "mxfp4", "mx_fp4" -> MXFP4;
            default -> throw new IllegalArgumentException("unknown precision '" + text + "'; accepted: fp32/float32, "
                    + "bf16/bfloat16, fp16/float16, fp8/float8_e4m3fn/float8_e5m2, int8, int4/awq/gptq, mxfp4");
        };
    }
}
