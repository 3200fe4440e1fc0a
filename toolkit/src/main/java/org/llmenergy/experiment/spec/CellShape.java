package org.llmenergy.experiment.spec;

/**
 * The shape part of a cell: batch size and the exact input and output lengths.
 *
 * @param batch  sequences per batch, or "max"
 * @param input  prompt tokens per request
 * @param output generated tokens per request
 */
public record CellShape(BatchSize batch, int input, int output) {}
