package org.llmenergy.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and byte streams, as lower-case hex. */
public final class Sha256 {
    private Sha256() {}

    /** @return a fresh SHA-256 digest (every JRE ships one) */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JRE has no SHA-256", e);
        }
    }

    /** @return the lower-case hex sha256 of {@code file}'s bytes */
    public static String of(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return hex(md.digest());
    }

    /** @return {@code digest} as lower-case hex */
    public static String hex(byte[] digest) { return HexFormat.of().formatHex(digest); }
}
