package org.llmenergy.serving;

import java.util.Locale;

/** A request submitted with an arrival before the previous one's; the caller names the file and line. */
public final class OutOfOrderArrivalException extends IllegalArgumentException {
    private final long index;

    OutOfOrderArrivalException(long index, double arrival, double previous) {
        super(String.format(Locale.ROOT, "request %d arrives at %.6f s, before the previous request (%.6f s)", index + 1, arrival, previous));
        this.index = index;
    }

    /** @return the request's 0-based position among submitted requests */
    public long index() { return index; }
}
