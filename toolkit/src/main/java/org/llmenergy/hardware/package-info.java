/**
 * The GPU/CPU spec catalog: TDP, dense and sparse peak FLOP/s per dtype, memory and bandwidth, each
 * with its source. Uses {@code units} only.
 */
package org.llmenergy.hardware;
