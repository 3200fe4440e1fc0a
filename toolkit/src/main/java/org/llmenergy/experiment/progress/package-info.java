/**
 * Sweep progress: {@link org.llmenergy.experiment.progress.ProgressSnapshot}s (cells done, failed, rate, time
 * left) sent to a {@link org.llmenergy.experiment.progress.ProgressListener};
 * {@link org.llmenergy.experiment.progress.ConsoleProgress} draws them on a terminal or as log lines. Depends on
 * {@code experiment.results}.
 */
package org.llmenergy.experiment.progress;
