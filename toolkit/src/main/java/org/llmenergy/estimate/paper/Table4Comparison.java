package org.llmenergy.estimate.paper;

import java.util.OptionalDouble;

/**
 * Our Figure-2-based percent above theoretical for a trace, beside the paper's Table 4 vLLM value.
 *
 * @param dataset                   the Table 4 row compared with
 * @param oursPercentAbove          ours, with the paper's constants (300 W, 309.7 TFLOP/s sparse); empty when partial
 * @param oursPercentAboveDensePeak ours against the dense-peak baseline (154.8 TFLOP/s), for reference
 * @param paperVllmPercentAbove     Table 4's vLLM column
 * @param explanation               why the two are expected to differ
 */
public record Table4Comparison(String dataset, OptionalDouble oursPercentAbove, OptionalDouble oursPercentAboveDensePeak,
                               double paperVllmPercentAbove, String explanation) {}
