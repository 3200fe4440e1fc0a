package org.llmenergy.estimate.paper;

import java.util.OptionalDouble;
import org.llmenergy.units.Provenance;

/**
 * One row of the paper's Table 5, with the paper's own labels (its "FP32" column holds a TF32 figure for the A100).
 *
 * @param cpu                  CPU, as printed
 * @param ram                  RAM, as printed
 * @param gpu                  GPU, as printed
 * @param tdpWatts             GPU TDP, in watts
 * @param fp32TflopsAsLabelled the "FP32 TFLOPS" column, in TFLOP/s
 * @param bf16Tflops           the "Bfloat16 TFLOPS" column, empty where the paper has a dash
 * @param note                 the digest's note on the row, or empty
 * @param provenance           {@code paper-published}, Table 5
 */
public record NodeHardware(String cpu, String ram, String gpu, double tdpWatts, double fp32TflopsAsLabelled,
                           OptionalDouble bf16Tflops, String note, Provenance provenance) {}
