package org.llmenergy.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A download progress bar on a terminal (normally stderr). On a terminal the bar redraws in place at most
 * five times a second; elsewhere (a log file) it prints a line every 10%.
 */
public final class ConsoleProgressBar implements DownloadProgress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private String label;
    private long total;
    private long startNanos;
    private long lastDrawNanos;
    private int lastDecile;
    private long bytes;

    /**
     * @param out         where to draw
     * @param interactive true for a terminal (redraw in place with carriage returns)
     */
    public ConsoleProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** @return a bar on stderr, redrawing in place when the JVM has a console */
    public static ConsoleProgressBar onStderr() { return new ConsoleProgressBar(System.err, System.console() != null); }

    @Override
    public void start(String label, long totalBytes) {
        this.label = label;
        this.total = totalBytes;
        this.startNanos = System.nanoTime();
        this.lastDrawNanos = 0;
        this.lastDecile = -1;
        this.bytes = 0;
        out.println("downloading " + label + (totalBytes >= 0 ? " (" + mb(totalBytes) + ")" : ""));
    }

    @Override
    public void advance(long bytesSoFar) {
        bytes = bytesSoFar;
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos < 200_000_000L) return;
            lastDrawNanos = now;
            out.print("\r" + line(now));
            out.flush();
        } else if (total > 0) {
            int decile = (int) (10 * bytesSoFar / total);
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                out.println(line(now));
            }
        }
    }

    @Override
    public void finish(boolean success) {
        long now = System.nanoTime();
        if (interactive) out.print("\r" + line(now) + "\n");
        out.println((success ? "downloaded " : "download failed: ") + label + " (" + mb(bytes) + " in "
                + String.format(Locale.ROOT, "%.1f s", (now - startNanos) / 1e9) + ")");
        out.flush();
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%.1f MB/s", bytes / 1e6 / seconds);
        if (total <= 0) return String.format(Locale.ROOT, "  %s  %s", mb(bytes), rate);
        int filled = (int) Math.min(WIDTH, WIDTH * bytes / total);
        return String.format(Locale.ROOT, "  [%s%s] %3d%% %s / %s  %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                (int) (100 * bytes / total), mb(bytes), mb(total), rate);
    }

    private static String mb(long b) { return String.format(Locale.ROOT, "%.1f MB", b / 1e6); }
}
