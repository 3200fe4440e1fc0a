package org.llmenergy.estimate.external;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One ML.ENERGY v3 model file ({@code public/data/models/<org>__<model>__<task>.json}).
 *
 * @param modelId                Hugging Face model id
 * @param task                   the task
 * @param architecture           "Dense Transformer", "MoE", ...
 * @param totalParamsBillions    total parameters, in billions, if given
 * @param activeParamsBillions   activated parameters per token, in billions, if given
 * @param weightPrecision        for example {@code "bfloat16"}
 * @param outputLengthEdges      the output-length histogram's bin edges, in tokens (one more than counts)
 * @param outputLengthCounts     requests per histogram bin
 * @param configurations         one record per measured configuration
 */
public record MlEnergyModelFile(String modelId, String task, String architecture, OptionalDouble totalParamsBillions,
                                OptionalDouble activeParamsBillions, String weightPrecision, List<Double> outputLengthEdges,
                                List<Long> outputLengthCounts, List<MlEnergyRecord> configurations) {
    public MlEnergyModelFile {
        outputLengthEdges = List.copyOf(outputLengthEdges);
        outputLengthCounts = List.copyOf(outputLengthCounts);
        configurations = List.copyOf(configurations);
    }
}
