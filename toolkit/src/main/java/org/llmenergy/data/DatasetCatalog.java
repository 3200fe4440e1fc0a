package org.llmenergy.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmenergy.io.Json;

/**
 * The dataset catalog: {@code datasets/catalog.json}, bundled on the classpath as
 * {@code org/llmenergy/data/catalog.json}. Each entry names its files, canonical URLs, sha256 (when
 * published), sizes, licence and citation.
 */
public final class DatasetCatalog {
    /** Classpath location of the bundled catalog. */
    public static final String RESOURCE = "/org/llmenergy/data/catalog.json";

    private static volatile DatasetCatalog bundled;

    private final String source;
    private final Map<String, DatasetEntry> entries;

    private DatasetCatalog(String source, Map<String, DatasetEntry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** @return the catalog bundled with the toolkit (read once, then shared) */
    public static DatasetCatalog load() {
        DatasetCatalog c = bundled;
        if (c == null) {
            try (InputStream in = DatasetCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new DatasetException("the bundled dataset catalog " + RESOURCE
                            + " is missing from the classpath (build the toolkit with Maven, which copies "
                            + "datasets/catalog.json)");
                }
                c = parse(in, "classpath:" + RESOURCE);
            } catch (IOException e) {
                throw new DatasetException("cannot read the bundled catalog " + RESOURCE + ": " + e.getMessage(), e);
            }
            bundled = c;
        }
        return c;
    }

    /** @return the catalog in {@code file} */
    public static DatasetCatalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new DatasetException("cannot read dataset catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a catalog.
     *
     * @param in     the JSON text
     * @param source a name for messages (the file or resource)
     */
    public static DatasetCatalog parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new DatasetException("dataset catalog " + source + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("datasets");
        if (list == null || !list.isArray()) {
            throw new DatasetException("dataset catalog " + source + ": missing array field 'datasets'");
        }
        Map<String, DatasetEntry> entries = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = source + ": datasets[" + index++ + "]";
            DatasetEntry entry = parseEntry(node, where);
            if (entries.put(entry.id(), entry) != null) {
                throw new DatasetException(where + ": duplicate id '" + entry.id() + "'");
            }
        }
        return new DatasetCatalog(source, entries);
    }

    private static DatasetEntry parseEntry(JsonNode node, String where) {
        String id = text(node, "id", where, true);
        where = where + " (" + id + ")";
        String baseUrl = text(node, "baseUrl", where, false);
        JsonNode files = node.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw new DatasetException(where + ": missing or empty array field 'files'");
        }
        List<DatasetFile> parsed = new ArrayList<>();
        int i = 0;
        for (JsonNode f : files) {
            String fw = where + ".files[" + i++ + "]";
            String path = text(f, "path", fw, true);
            String url = text(f, "url", fw, false);
            if (url == null) {
                if (baseUrl == null) throw new DatasetException(fw + ": neither 'url' nor the entry's 'baseUrl' is set");
                url = baseUrl + encodePath(path);
            }
            try {
                parsed.add(new DatasetFile(path, new URI(url), text(f, "sha256", fw, false),
                        number(f, "size", fw), number(f, "rows", fw)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new DatasetException(fw + ": " + e.getMessage(), e);
            }
        }
        try {
            return new DatasetEntry(id, text(node, "title", where, true), text(node, "format", where, true),
                    text(node, "license", where, true), text(node, "citation", where, true),
                    text(node, "homepage", where, false), text(node, "notes", where, false),
                    text(node, "main", where, false), parsed, text(node, "paperName", where, false));
        } catch (IllegalArgumentException e) {
            throw new DatasetException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new DatasetException(where + ": missing field '" + field + "'");
            return null;
        }
        if (!v.isTextual()) throw new DatasetException(where + ": field '" + field + "' must be a string");
        return v.asText();
    }

    private static Long number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new DatasetException(where + ": field '" + field + "' must be a non-negative integer");
        }
        return v.asLong();
    }

    /** Percent-encodes each segment of a relative path (spaces in GPU folder names, for example). */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
            if (keep) sb.append(c);
            else sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return sb.toString();
    }

    /** @return where this catalog was read from */
    public String source() { return source; }

    /** @return every entry, in catalog order */
    public List<DatasetEntry> entries() { return List.copyOf(entries.values()); }

    /** @return the ids, in catalog order */
    public List<String> ids() { return List.copyOf(entries.keySet()); }

    /** @return the entry with this id, if any */
    public Optional<DatasetEntry> find(String id) { return Optional.ofNullable(entries.get(id)); }

    /**
     * The entry a trace argument names: a catalog id, or a path whose file name is an entry's main file name (a
     * mirrored, cached or separately downloaded copy of it).
     *
     * @param idOrPath a catalog id or a file path
     * @return the entry, if the argument names one
     */
    public Optional<DatasetEntry> findTrace(String idOrPath) {
        DatasetEntry byId = entries.get(idOrPath);
        if (byId != null) return Optional.of(byId);
        String name = fileName(idOrPath);
        return entries.values().stream().filter(e -> fileName(e.mainPath()).equals(name)).findFirst();
    }

    private static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * @return the entry with this id
     * @throws DatasetException naming the known ids when there is none
     */
    public DatasetEntry entry(String id) {
        DatasetEntry e = entries.get(id);
        if (e == null) {
            throw new DatasetException("unknown dataset id '" + id + "'; known ids: " + String.join(", ", ids()));
        }
        return e;
    }
}
