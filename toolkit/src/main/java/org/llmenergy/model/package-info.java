/**
 * Transformer architecture configs ({@link org.llmenergy.model.ModelConfig}: dense, mixture-of-experts, latent and
 * sliding-window attention, with parameter, KV-cache and attention counts) and their presets, number formats
 * ({@link org.llmenergy.model.Precision}, the one precision enum: {@code inference} uses it too),
 * analytic FLOPs and bytes per request, memory footprint and the largest batch that fits a device. Uses
 * {@code hardware}.
 */
package org.llmenergy.model;
