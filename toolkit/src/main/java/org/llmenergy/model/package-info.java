/**
 * Transformer architecture configs and presets, analytic FLOPs and bytes per request, memory footprint
 * and the largest batch that fits a device. Uses {@code hardware}.
 */
package org.llmenergy.model;
