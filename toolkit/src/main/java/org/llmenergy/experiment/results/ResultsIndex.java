package org.llmenergy.experiment.results;

import org.llmenergy.experiment.spec.Cell;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a results file already holds for one spec: per cell key, the repeats recorded, whether a failure was
 * recorded, and the batch size earlier repeats ran at. Resume uses it to skip finished cells and to run only
 * the missing repeats of a partly measured one.
 */
public final class ResultsIndex {
    private final String specHash;
    private final Map<String, Set<Integer>> repeats = new HashMap<>();
    private final Map<String, Integer> resolvedBatch = new HashMap<>();
    private final Set<String> failed = new TreeSet<>();
    private final Map<String, Integer> starts = new HashMap<>();

    private ResultsIndex(String specHash) { this.specHash = specHash; }

    /**
     * @param file     a read results file
     * @param specHash the spec whose records count; other specs' records are ignored
     * @return the index
     */
    public static ResultsIndex of(ResultsFile file, String specHash) {
        ResultsIndex index = new ResultsIndex(specHash);
        for (StoredRecord m : file.markers()) {
            if (m.specHash().equals(specHash)) index.starts.merge(Cell.canonicalKey(m.cellKey()), 1, Integer::sum);
        }
        for (StoredRecord r : file.records()) {
            if (!r.specHash().equals(specHash)) continue;
            String key = Cell.canonicalKey(r.cellKey());
            if (r.isFailure()) index.failed.add(key);
            else if (r.repeat() != null) {
                index.repeats.computeIfAbsent(key, k -> new TreeSet<>()).add(r.repeat());
                var b = r.json().path("batch").path("resolved");
                if (b.isInt()) index.resolvedBatch.putIfAbsent(key, b.asInt());
            }
        }
        return index;
    }

    /** @return the spec hash indexed */
    public String specHash() { return specHash; }

    /** @return the repeats recorded for the cell (sorted, possibly empty) */
    public Set<Integer> repeatsDone(String cellKey) { return repeats.getOrDefault(cellKey, Set.of()); }

    /** @return how many times a sweep started the cell ({@link StartMarker}s) */
    public int starts(String cellKey) { return starts.getOrDefault(cellKey, 0); }

    /** @return true when a failure is recorded for the cell */
    public boolean failed(String cellKey) { return failed.contains(cellKey); }

    /** @return the batch size the cell's recorded repeats ran at, or null */
    public Integer resolvedBatch(String cellKey) { return resolvedBatch.get(cellKey); }

    /** @return true when the cell is finished: a failure, or every repeat {@code 0 … repeats − 1} */
    public boolean finished(String cellKey, int repeatCount) {
        if (failed(cellKey)) return true;
        Set<Integer> done = repeatsDone(cellKey);
        for (int r = 0; r < repeatCount; r++) if (!done.contains(r)) return false;
        return true;
    }
}
