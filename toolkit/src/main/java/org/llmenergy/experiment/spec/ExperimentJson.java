package org.llmenergy.experiment.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.llmenergy.energy.EnergyFigure;
import org.llmenergy.inference.ComputeDevice;
import org.llmenergy.io.Json;
import org.llmenergy.model.Precision;
import org.llmenergy.units.Provenance;

/**
 * The Jackson mapper for specs and results: provenance sources and flags, devices and precisions written by their
 * stable labels ({@code "nvml-counter"}, {@code "extrapolated"}, {@code "gpu:0"}, {@code "fp16"}, …), map entries
 * in key order so output is deterministic, unknown fields ignored on reading so that newer records still load. An
 * {@link EnergyFigure} keeps the results layout of schema 1: {@code {"joules", "provenance", "missingReason"}}.
 */
public final class ExperimentJson {
    private static final ObjectMapper MAPPER = build();

    private ExperimentJson() {}

    /** @return the shared, thread-safe mapper */
    public static ObjectMapper mapper() { return MAPPER; }

    private static ObjectMapper build() {
        SimpleModule labels = new SimpleModule("labels");
        byLabel(labels, Provenance.Source.class, Provenance.Source::label, Provenance.Source::fromLabel);
        // files written before flags existed have none, which reads as an empty set
        byLabel(labels, Provenance.Flag.class, Provenance.Flag::label, Provenance.Flag::fromLabel);
        byLabel(labels, ComputeDevice.class, ComputeDevice::label, ComputeDevice::parse);
        byLabel(labels, Precision.class, Precision::label, Precision::parse);
        ObjectMapper mapper = Json.versioned(labels);
        mapper.addMixIn(EnergyFigure.class, EnergyFigureLayout.class);
        return mapper;
    }

    /** The results files' field names and order for {@link EnergyFigure} (schema 1). */
    @JsonPropertyOrder({"joules", "provenance", "missingReason"})
    @JsonIgnoreProperties(value = {"present", "valid", "estimate"}, allowGetters = false)
    private abstract static class EnergyFigureLayout {
        @JsonCreator
        EnergyFigureLayout(@JsonProperty("joules") Double joules, @JsonProperty("missingReason") String missingReason,
                           @JsonProperty("provenance") Provenance provenance) {}
    }

    private static <T> void byLabel(SimpleModule module, Class<T> type, Function<T, String> label,
                                    Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(label.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return parse.apply(p.getValueAsString());
            }
        });
    }
}
