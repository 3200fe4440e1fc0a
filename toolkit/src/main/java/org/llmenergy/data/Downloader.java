package org.llmenergy.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Streams a URL to a file: the body goes to a temporary file next to the target while its sha256 is
 * computed, then the temporary file is checked and atomically moved into place. A failed or mismatching
 * download leaves nothing at the target.
 */
public final class Downloader {
    private final HttpClient client;
    private final DownloadProgress progress;

    /**
     * @param client   the HTTP client (redirects must be followed for GitHub release assets)
     * @param progress where progress goes
     */
    public Downloader(HttpClient client, DownloadProgress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** @return a downloader that follows redirects and draws progress on stderr */
    public static Downloader withProgressOnStderr() {
        return new Downloader(defaultClient(), ConsoleProgressBar.onStderr());
    }

    private static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Downloads {@code url} to {@code target}.
     *
     * @param label          what is downloaded, for progress and messages
     * @param url            the source
     * @param target         the destination; its folder is created
     * @param expectedSha256 lower-case hex sha256 to check, or null to accept any content
     * @return the sha256 of what was written, lower-case hex
     * @throws DatasetException on an HTTP error, an I/O error or a checksum mismatch (the target is then
     *                          untouched)
     */
    public String download(String label, URI url, Path target, String expectedSha256) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean ok = false;
        boolean started = false;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".part");
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetException("download of " + label + " from " + url + " was interrupted", e);
            }
            if (response.statusCode() != 200) {
                response.body().close();
                throw new DatasetException("download of " + label + " from " + url + " failed: HTTP "
                        + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest md = Sha256.newDigest();
            progress.start(label, length);
            started = true;
            long received = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    received += n;
                    progress.advance(received);
                }
            }
            if (length >= 0 && received != length) {
                throw new DatasetException("download of " + label + " from " + url + " is truncated: got "
                        + received + " of " + length + " bytes");
            }
            String actual = Sha256.hex(md.digest());
            if (expectedSha256 != null && !expectedSha256.equals(actual)) {
                throw new ChecksumMismatchException(target, expectedSha256, actual, "sha256 mismatch for "
                        + label + " downloaded from " + url + ": expected " + expectedSha256 + ", got " + actual
                        + "; nothing was written to " + target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
            return actual;
        } catch (IOException e) {
            throw new DatasetException("download of " + label + " from " + url + " failed: " + e, e);
        } finally {
            if (started) progress.finish(ok);
            if (!ok && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: a stray .part file is harmless and named as such.
                }
            }
        }
    }
}
