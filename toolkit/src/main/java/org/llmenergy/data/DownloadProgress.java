package org.llmenergy.data;

/** Receives the progress of one download. */
public interface DownloadProgress {
    /** A listener that shows nothing. */
    DownloadProgress NONE = new DownloadProgress() {
        @Override public void start(String label, long totalBytes) {}
        @Override public void advance(long bytesSoFar) {}
        @Override public void finish(boolean success) {}
    };

    /**
     * @param label      what is downloaded (dataset id and file)
     * @param totalBytes expected bytes, or -1 when the server did not say
     */
    void start(String label, long totalBytes);

    /** @param bytesSoFar bytes received so far */
    void advance(long bytesSoFar);

    /** @param success false when the download failed or was abandoned */
    void finish(boolean success);
}
