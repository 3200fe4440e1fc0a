package org.llmenergy.experiment.progress;

import java.io.PrintStream;

/**
 * A progress bar with ETA. Interactive (a terminal): one line rewritten in place with a carriage return.
 * Otherwise (a log file, a Slurm job's output): a plain line at most every {@code intervalS} seconds and at
 * the end.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final double intervalS;
    private double lastPrintS = Double.NEGATIVE_INFINITY;
    private int lastLength;

    /**
     * @param out         where to draw (stderr in the CLI)
     * @param interactive true to redraw one line with carriage returns
     * @param intervalS   seconds between lines when not interactive
     */
    public ConsoleProgress(PrintStream out, boolean interactive, double intervalS) {
        this.out = out;
        this.interactive = interactive;
        this.intervalS = intervalS;
    }

    /** @return a bar on stderr: interactive when there is a console, else a line every 30 s */
    public static ConsoleProgress onStderr() { return new ConsoleProgress(System.err, System.console() != null, 30); }

    @Override
    public void onProgress(ProgressSnapshot s) {
        boolean done = "done".equals(s.stage());
        String line = s.line(WIDTH);
        if (interactive) {
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad) + (done ? System.lineSeparator() : ""));
            lastLength = line.length();
            out.flush();
        } else if (done || s.elapsedS() - lastPrintS >= intervalS) {
            out.println(line);
            lastPrintS = s.elapsedS();
        }
    }
}
