package org.llmenergy.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.llmenergy.io.Json;
import org.llmenergy.units.Provenance;

/**
 * The Jackson mapper for specs and results: provenance sources and flags written by their stable labels
 * ({@code "nvml-counter"}, {@code "extrapolated"}, …), map entries in key order so output is deterministic,
 * unknown fields ignored on reading so that newer records still load.
 */
public final class ExperimentJson {
    private static final ObjectMapper MAPPER = build();

    private ExperimentJson() {}

    /** @return the shared, thread-safe mapper */
    public static ObjectMapper mapper() { return MAPPER; }

    private static ObjectMapper build() {
        SimpleModule labels = new SimpleModule("provenance-labels");
        labels.addSerializer(Provenance.Source.class, new JsonSerializer<>() {
            @Override
            public void serialize(Provenance.Source s, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(s.label());
            }
        });
        labels.addDeserializer(Provenance.Source.class, new JsonDeserializer<>() {
            @Override
            public Provenance.Source deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Provenance.Source.fromLabel(p.getValueAsString());
            }
        });
        // flags by label too; files written before flags existed have none, which reads as an empty set
        labels.addSerializer(Provenance.Flag.class, new JsonSerializer<>() {
            @Override
            public void serialize(Provenance.Flag f, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(f.label());
            }
        });
        labels.addDeserializer(Provenance.Flag.class, new JsonDeserializer<>() {
            @Override
            public Provenance.Flag deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Provenance.Flag.fromLabel(p.getValueAsString());
            }
        });
        return Json.versioned(labels);
    }
}
