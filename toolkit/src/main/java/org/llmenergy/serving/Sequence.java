package org.llmenergy.serving;

/** One request inside a replica: mutable scheduler state (package-private; never escapes the simulator). */
final class Sequence {
    final long index;
    final double arrival;
    final int input;
    final int output;
    /** Tokens to prefill: the prompt, plus what was generated before a preemption (recompute). */
    int promptLength;
    int prefilled;
    /** Output tokens generated before the current decode stint. */
    int generatedBefore;
    /** The replica's decode counter when this stint began, and when it ends. */
    long decodeStart;
    long finishAt;
    double firstToken = Double.NaN;
    int preemptions;
    /** Running list, in admission order (the last admitted is preempted first). */
    Sequence prev;
    Sequence next;
    boolean running;

    Sequence(long index, double arrival, int input, int output) {
        this.index = index;
        this.arrival = arrival;
        this.input = input;
        this.output = output;
        this.promptLength = input;
    }
}
