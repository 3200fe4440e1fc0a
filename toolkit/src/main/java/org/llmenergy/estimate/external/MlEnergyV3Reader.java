package org.llmenergy.estimate.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.llmenergy.units.Provenance;

/**
 * Reads an ML.ENERGY leaderboard v3 model file: {@code model_id, task, architecture, total_params_billions,
 * activated_params_billions, weight_precision, output_length_distribution{bins, counts}} and
 * {@code configurations[]} with {@code gpu_model, num_gpus, max_num_seqs, parallelization{tensor_parallel, ...},
 * avg_batch_size, avg_output_len, energy_per_request_joules, energy_per_token_joules, avg_power_watts,
 * output_throughput_tokens_per_sec}.
 */
public final class MlEnergyV3Reader {

    private MlEnergyV3Reader() {}

    /**
     * @param file a v3 model file
     * @return its contents
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and field when the content is not as expected
     */
    public static MlEnergyModelFile read(Path file) throws IOException {
        JsonFields f = new JsonFields(file);
        JsonNode root = f.readTree();
        String model = f.text(root, "model_id", "");
        String task = f.text(root, "task", "");
        List<Double> edges = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        JsonNode dist = root.get("output_length_distribution");
        if (dist != null && !dist.isNull()) {
            for (JsonNode e : f.node(dist, "bins", "output_length_distribution.")) edges.add(e.asDouble());
            for (JsonNode c : f.node(dist, "counts", "output_length_distribution.")) counts.add(c.asLong());
            if (edges.size() != counts.size() + 1) {
                throw new IllegalArgumentException(file + ": output_length_distribution has " + edges.size() + " edges for "
                        + counts.size() + " counts (expected one more edge than counts)");
            }
        }
        List<MlEnergyRecord> configs = new ArrayList<>();
        JsonNode arr = f.node(root, "configurations", "");
        for (int k = 0; k < arr.size(); k++) {
            JsonNode c = arr.get(k);
            String at = "configurations[" + k + "].";
            JsonNode par = c.path("parallelization");
            int tp = par.path("tensor_parallel").asInt(1);
            int ep = par.path("expert_parallel").asInt(1);
            Map<String, String> details = new TreeMap<>();
            details.put("citation", MlEnergyV2Reader.CITATION);
            details.put("leaderboard", "ML.ENERGY v3 (ml-energy/leaderboard)");
            details.put("file", file.toString());
            details.put("configuration", Integer.toString(k));
            String gpu = f.text(c, "gpu_model", at);
            Provenance p = Provenance.builder().setSource(Provenance.Source.PAPER_PUBLISHED).optDevices(List.of(gpu))
                    .optReason(MlEnergyV2Reader.CAVEAT).optDetails(details).build();
            configs.add(new MlEnergyRecord("v3", task, model, gpu, f.positiveInt(c, "num_gpus", at), tp, 1, ep,
                    f.positiveInt(c, "max_num_seqs", at), OptionalInt.empty(), f.optionalPositive(c, "avg_batch_size"),
                    f.positive(c, "avg_output_len", at), f.positive(c, "energy_per_request_joules", at),
                    f.positive(c, "energy_per_token_joules", at), f.optionalPositive(c, "avg_power_watts"),
                    f.optionalPositive(c, "output_throughput_tokens_per_sec"), f.optionalPositive(c, "median_itl_ms"), p));
        }
        return new MlEnergyModelFile(model, task, root.path("architecture").asText(""),
                f.optionalPositive(root, "total_params_billions"), f.optionalPositive(root, "activated_params_billions"),
                root.path("weight_precision").asText(""), edges, counts, configs);
    }
}
