/**
 * The GPU/CPU spec catalog: vendor, TDP, dense and sparse peak FLOP/s per dtype (bf16, fp8, fp4), memory and
 * bandwidth, and the GPU-to-GPU interconnect, each
 * with its source. Uses {@code units} only.
 */
package org.llmenergy.hardware;
