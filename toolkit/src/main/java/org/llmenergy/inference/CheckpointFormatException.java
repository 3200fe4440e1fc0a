package org.llmenergy.inference;

/**
 * A checkpoint file that is malformed, hostile or does not fit the model's configuration. The message names
 * the file and, where there is one, the tensor.
 */
public class CheckpointFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file and tensor */
    public CheckpointFormatException(String message) { super(message); }

    /** @param message what is wrong, naming the file and tensor; @param cause the underlying error */
    public CheckpointFormatException(String message, Throwable cause) { super(message, cause); }
}
