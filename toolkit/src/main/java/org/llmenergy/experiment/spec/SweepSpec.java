package org.llmenergy.experiment.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.model.Precision;

/**
 * A sweep as read from its JSON spec (see {@link SpecReader} for the format), with every default filled in.
 * The cells are the cross product models × engine options × decoding strategies × shapes, in that nesting
 * order, with repeated cells dropped (the controlled input and output sweeps share a point, for example).
 *
 * @param name          a label for the sweep
 * @param engine        the backend that runs the cells, looked up in {@link EngineCapabilities} ({@code "djl"} by default)
 * @param models        model presets or checkpoint directories
 * @param device        {@code cpu} or {@code gpu[:n]}
 * @param dtype         {@code fp32}, {@code bf16} or {@code fp16}
 * @param engineOptions engine configurations to compare
 * @param decoding      decoding strategies to compare
 * @param cells         where the cell shapes come from
 * @param protocol      warm-up, repeats, cooldown, idle baseline, examples
 * @param batchProbe    how "max" batches are found
 */
public record SweepSpec(String name, String engine, List<String> models, String device, String dtype,
                        List<EngineFlags> engineOptions, List<DecodingSpec> decoding, CellsSpec cells,
                        ProtocolSpec protocol, BatchProbeSpec batchProbe) {

    public SweepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(batchProbe, "batchProbe");
        models = List.copyOf(models);
        engineOptions = List.copyOf(engineOptions);
        decoding = List.copyOf(decoding);
    }

    /**
     * Default bound on a sweep's cells: far above the paper's sweeps (a few thousand cells), far below what
     * fills memory when expanded (10^8 cells ended in an OutOfMemoryError).
     */
    public static final long DEFAULT_MAX_CELLS = 100_000;

    /** @return the number of cells before duplicates are dropped (an upper bound), without expanding them */
    public long cellCountUpperBound() {
        long shapes = 0;
        if (cells.grid() != null) {
            shapes += (long) cells.grid().batch().size() * cells.grid().input().size() * cells.grid().output().size();
        }
        if (cells.fromBins() != null) shapes += cells.fromBins().shapes().size();
        if (cells.controlled() != null) shapes += cells.controlled().shapes().size();
        return Math.multiplyExact(Math.multiplyExact((long) models.size() * engineOptions.size(), decoding.size()), shapes);
    }

    /**
     * @param maxCells the most cells allowed
     * @throws IllegalArgumentException saying how many cells the spec has and how to allow them
     */
    public void requireAtMostCells(long maxCells) {
        long n = cellCountUpperBound();
        if (n > maxCells) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "spec '%s' has %,d cells (%d models"
                    + " x %d engine options x %d decodings x %,d shapes), more than the limit of %,d; shrink the grid,"
                    + " or pass --max-cells %d if you mean it", name, n, models.size(), engineOptions.size(),
                    decoding.size(), n / Math.max(1, (long) models.size() * engineOptions.size() * decoding.size()),
                    maxCells, n));
        }
    }

    /** @return every cell of the sweep, in the spec's deterministic order, without duplicates */
    public List<Cell> expandCells() {
        Map<String, Cell> unique = new LinkedHashMap<>();
        List<CellShape> shapes = cells.shapes();
        ComputeDevice where = ComputeDevice.parse(device);
        Precision precision = Precision.parse(dtype);
        for (String model : models) {
            for (EngineFlags options : engineOptions) {
                for (DecodingSpec d : decoding) {
                    for (CellShape s : shapes) {
                        Cell c = new Cell(engine, model, where, precision, options, d, s.batch(), s.input(), s.output());
                        unique.putIfAbsent(c.key(), c);
                    }
                }
            }
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * The spec's stable hash: sha-256 of its canonical JSON (see {@link CanonicalJson}), defaults filled in. Labels
     * are left out, so that renaming a spec or moving its bins file does not orphan its results: the sweep's
     * {@code name} and the bins file's path do not count, the bins' content does.
     *
     * @return 64 lower-case hex digits
     */
    public String hash() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ExperimentJson.mapper().valueToTree(this);
        tree.remove("name");
        if (tree.path("cells").path("fromBins").isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("cells").get("fromBins")).remove("file");
        }
        return CanonicalJson.sha256(tree);
    }
}
