package org.llmenergy.data;

/**
 * A dataset could not be found, fetched or trusted. The message names the dataset id and file and, for a
 * checksum failure, both hashes.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) { super(message); }

    public DatasetException(String message, Throwable cause) { super(message, cause); }
}
