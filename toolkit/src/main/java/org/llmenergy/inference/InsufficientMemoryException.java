package org.llmenergy.inference;

/**
 * Refusal to start an allocation that the memory left on the device (or in the process's cgroup) cannot hold,
 * raised before anything is allocated so that it is an out-of-memory failure with a message, not a kill.
 */
public final class InsufficientMemoryException extends IllegalStateException {
    private final long neededBytes;
    private final long availableBytes;

    InsufficientMemoryException(String message, long neededBytes, long availableBytes) {
        super(message);
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** @return the estimated size of the refused allocation, bytes */
    public long neededBytes() { return neededBytes; }

    /** @return the memory that was available, bytes */
    public long availableBytes() { return availableBytes; }
}
