package org.llmenergy.serving;

import java.util.Locale;
import java.util.SplittableRandom;

/** When requests reach the server, in simulated seconds from the first arrival. */
public sealed interface Arrivals {

    /**
     * The trace's own timestamps, relative to its first request and multiplied by {@code timeScale} (0.5 replays
     * twice as fast).
     *
     * @param timeScale factor on every gap between arrivals (&gt; 0)
     */
    record FromTrace(double timeScale) implements Arrivals {
        public FromTrace {
            if (!(timeScale > 0) || Double.isInfinite(timeScale)) throw new IllegalArgumentException("--time-scale must be > 0, got " + timeScale);
        }
    }

    /**
     * A Poisson process: exponential gaps with mean 1 / rate, from a fixed seed so a run repeats exactly.
     *
     * @param ratePerSecond mean arrivals per second (&gt; 0)
     * @param seed          random seed
     */
    record Poisson(double ratePerSecond, long seed) implements Arrivals {
        public Poisson {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("poisson rate must be a positive number of requests per second, got " + ratePerSecond);
            }
        }
    }

    /** Every request at t = 0 (the paper's offline setting). */
    record AllAtOnce() implements Arrivals {}

    /**
     * Parses {@code trace}, {@code poisson:RATE} or {@code all-at-once}.
     *
     * @param text      the option's value
     * @param timeScale factor for {@code trace}
     * @return the arrival process
     */
    static Arrivals parse(String text, double timeScale) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("trace")) return new FromTrace(timeScale);
        if (t.equals("all-at-once")) return new AllAtOnce();
        if (t.startsWith("poisson:")) {
            double rate;
            try {
                rate = Double.parseDouble(t.substring("poisson:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--arrivals poisson:RATE needs a number of requests per second, got '" + text + "'");
            }
            return new Poisson(rate, 1);
        }
        throw new IllegalArgumentException("--arrivals must be trace, poisson:RATE or all-at-once, got '" + text + "'");
    }

    /** @return a fresh clock that turns the trace's arrival times into simulated ones */
    default Clock clock() {
        if (this instanceof FromTrace f) {
            return new Clock() {
                private double first = Double.NaN;

                @Override
                public double next(double traceSeconds) {
                    if (Double.isNaN(traceSeconds)) {
                        throw new IllegalArgumentException("--arrivals trace: the trace has no arrival times; use poisson:RATE or all-at-once");
                    }
                    if (Double.isNaN(first)) first = traceSeconds;
                    return (traceSeconds - first) * f.timeScale();
                }
            };
        }
        if (this instanceof Poisson p) {
            return new Clock() {
                private final SplittableRandom random = new SplittableRandom(p.seed());
                private double now = Double.NaN;

                @Override
                public double next(double traceSeconds) {
                    now = Double.isNaN(now) ? 0 : now - Math.log(1 - random.nextDouble()) / p.ratePerSecond();
                    return now;
                }
            };
        }
        return traceSeconds -> 0;
    }

    /** Maps each request's trace arrival (NaN when the trace has none) to its simulated arrival, in seconds. */
    @FunctionalInterface
    interface Clock {
        /**
         * @param traceSeconds the request's arrival in the trace, in seconds (NaN when absent)
         * @return its simulated arrival, in seconds, non-decreasing over calls for an ordered trace
         */
        double next(double traceSeconds);
    }
}
