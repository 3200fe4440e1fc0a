package org.llmenergy.experiment.progress;

import java.util.Locale;
import org.llmenergy.io.Html;

/**
 * Where a sweep stands. Counts cover this process's shard; "repeats" are the measured repeats this process
 * still had to run when it started (finished cells of a resumed sweep are counted as skipped, not as work).
 *
 * @param cellsTotal   cells in the shard
 * @param cellsSkipped cells already finished in the results file when the sweep started
 * @param cellsDone    cells finished by this process (measured or failed)
 * @param cellsFailed  of those, cells recorded as failures
 * @param repeatsTotal repeats this process has to run
 * @param repeatsDone  repeats done (a failed cell counts all its remaining repeats as done)
 * @param elapsedS     seconds since the sweep started
 * @param etaS         estimated seconds left, or null before the first repeat finishes
 * @param cell         the cell being worked on, or null
 * @param stage        what is happening: {@code idle-baseline}, {@code probe}, {@code warmup}, {@code repeat r},
 *                     {@code cooldown} or {@code done}
 */
public record ProgressSnapshot(int cellsTotal, int cellsSkipped, int cellsDone, int cellsFailed, int repeatsTotal,
                               int repeatsDone, double elapsedS, Double etaS, String cell, String stage) {

    /** @return the fraction of this process's repeats done, 0 … 1 (1 when there is nothing to do) */
    public double fraction() { return repeatsTotal == 0 ? 1.0 : (double) repeatsDone / repeatsTotal; }

    /**
     * @param width characters of the bar
     * @return for example {@code [#####.....]  50% 12/24 repeats, cells 3/6 (1 failed, 2 skipped), 1m02s, ETA 1m01s}
     */
    public String line(int width) {
        int filled = (int) Math.round(fraction() * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% ", Math.round(fraction() * 100))
                + repeatsDone + "/" + repeatsTotal + " repeats, cells " + (cellsDone + cellsSkipped) + "/" + cellsTotal
                + (cellsFailed > 0 || cellsSkipped > 0 ? " (" + cellsFailed + " failed, " + cellsSkipped + " skipped)" : "")
                + ", " + duration(elapsedS) + (etaS == null ? "" : ", ETA " + duration(etaS))
                + (cell == null ? "" : " | " + cell + " " + stage);
    }

    /**
     * @return the snapshot as an HTML fragment (a {@code <progress>} bar and the text line), for notebooks, which
     *         show results as HTML: {@code display("text/html", snapshot.html())}
     */
    public String html() {
        String text = Html.escape(line(0).substring(3));
        return "<div><progress max=\"" + Math.max(1, repeatsTotal) + "\" value=\"" + (repeatsTotal == 0 ? 1 : repeatsDone)
                + "\"></progress> <code>" + text + "</code></div>";
    }

    /** @return seconds as {@code 42s}, {@code 3m07s} or {@code 2h05m} */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
