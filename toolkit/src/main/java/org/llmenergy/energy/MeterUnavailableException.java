package org.llmenergy.energy;

/** A meter cannot be used on this machine; the message says why (missing library, driver, permission…). */
public class MeterUnavailableException extends RuntimeException {
    private final MeterKind kind;

    public MeterUnavailableException(MeterKind kind, String message) {
        super(kind.label() + ": " + message);
        this.kind = kind;
    }

    public MeterUnavailableException(MeterKind kind, String message, Throwable cause) {
        super(kind.label() + ": " + message, cause);
        this.kind = kind;
    }

    /** @return the meter that is unavailable */
    public MeterKind kind() { return kind; }
}
