package org.llmenergy.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The toolkit's Jackson mappers, configured once, one per way of reading or writing JSON. The shared mappers are
 * thread-safe; do not reconfigure them (take {@link #versioned} for a mapper of one's own).
 */
public final class Json {
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final ObjectMapper UNIQUE_KEYS = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final ObjectWriter PRETTY = PLAIN.writerWithDefaultPrettyPrinter();

    private Json() {}

    /** @return Jackson's defaults: for trees, catalogs and data files from elsewhere */
    public static ObjectMapper mapper() { return PLAIN; }

    /** @return a mapper that refuses a repeated key (model configs, safetensors headers: a repeat is ambiguous) */
    public static ObjectMapper uniqueKeys() { return UNIQUE_KEYS; }

    /**
     * @return a mapper that refuses a repeated key and anything after the first value (a lost newline in JSON Lines,
     *         a spec with two objects)
     */
    public static ObjectMapper strict() { return STRICT; }

    /** @return an indenting writer: what the CLI prints for {@code --format json} */
    public static ObjectWriter pretty() { return PRETTY; }

    /**
     * A new mapper for files one version of the toolkit writes and another reads back (results, calibrations):
     * unknown fields are ignored on reading so that newer files still load, and map entries are written in key order
     * so that output is deterministic.
     *
     * @param modules serializers to add (for example stable labels for an enum)
     * @return the mapper
     */
    public static ObjectMapper versioned(Module... modules) {
        return JsonMapper.builder()
                .addModules(modules)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }
}
