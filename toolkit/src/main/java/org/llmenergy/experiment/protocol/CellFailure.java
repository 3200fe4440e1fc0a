package org.llmenergy.experiment.protocol;

import org.llmenergy.experiment.spec.Cell;

/**
 * A cell that could not be run. The sweep records it as a failure record and goes on with the next cell.
 */
public final class CellFailure extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** The device (or host) ran out of memory; batch probing bisects down on this kind only. */
        OUT_OF_MEMORY,
        /** The engine failed otherwise. */
        ENGINE_ERROR,
        /** The engine cannot run this configuration (unknown flag, dtype on this device, …). */
        UNSUPPORTED,
        /** The run finished but its result breaks the plan (wrong token counts, for example). */
        INVALID_RESULT,
        /**
         * The sweep process died inside the cell (killed for memory, by SIGKILL, or a power cut): found on resume
         * as a {@link org.llmenergy.experiment.results.StartMarker} without a finishing record.
         */
        CRASHED
    }

    private final Kind kind;
    private final transient Cell cell;

    /**
     * @param kind    what went wrong
     * @param cell    the cell
     * @param message what happened, in words
     * @param cause   the underlying exception, or null
     */
    public CellFailure(Kind kind, Cell cell, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.cell = cell;
    }

    /** @return an out-of-memory failure */
    public static CellFailure outOfMemory(Cell cell, String message, Throwable cause) {
        return new CellFailure(Kind.OUT_OF_MEMORY, cell, message, cause);
    }

    /** @return an engine failure */
    public static CellFailure engineError(Cell cell, String message, Throwable cause) {
        return new CellFailure(Kind.ENGINE_ERROR, cell, message, cause);
    }

    /** @return what went wrong */
    public Kind kind() { return kind; }

    /** @return the cell that failed */
    public Cell cell() { return cell; }
}
