package org.llmenergy.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A canonical JSON text: object keys sorted, no whitespace, scalars as Jackson writes them. Two specs that
 * differ only in key order, spacing or spelled-out defaults have the same canonical form and hash.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** @return the canonical text of {@code node} */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    /** @return the lower-case hex sha-256 of the canonical text's UTF-8 bytes */
    public static String sha256(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int k = 0; k < fields.size(); k++) {
                if (k > 0) out.append(',');
                out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(fields.get(k).getKey()));
                out.append(':');
                append(fields.get(k).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int k = 0; k < node.size(); k++) {
                if (k > 0) out.append(',');
                append(node.get(k), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
