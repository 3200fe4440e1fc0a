package org.llmenergy.experiment.progress;

import org.llmenergy.experiment.results.ResultRecord;

/**
 * Receives a sweep's progress. {@link ConsoleProgress} draws it in a terminal; a notebook can pass a lambda
 * that updates its own display from {@link ProgressSnapshot#line(int)} or the snapshot's fields.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = snapshot -> {};

    /** Called when the sweep's state changes (stage changes and finished repeats), on the sweep's thread. */
    void onProgress(ProgressSnapshot snapshot);

    /** Called after each record has been appended and synced to disk. */
    default void onRecord(ResultRecord record) {}
}
