package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmenergy.data.DatasetLocations;

/**
 * The real Azure 2023 traces from the mirror: {@code workload bins} and {@code workload stats} agree with an
 * independent computation here (naive split, sorted lists, TreeMap). The mirror comes from
 * LLM_ENERGY_DATASETS_MIRROR or -Dllmenergy.datasets.mirror (the POM defaults it to ../../shared/datasets);
 * without it these tests FAIL, on purpose: in this project the mirror is part of the test environment.
 */
class MirrorTraceBinsTest {
    private static final int[] IN = {32, 128, 256, 512, 1024, 2048, 4096, 8192};
    private static final int[] OUT = {8, 16, 32, 64, 128, 256, 512};

    private static Path mirrorFile(String id, String file) {
        Path mirror = DatasetLocations.fromEnvironment().mirror();
        if (mirror == null || !Files.isDirectory(mirror)) {
            fail("the dataset mirror is needed for this test and was not found (" + mirror + "); set "
                    + "LLM_ENERGY_DATASETS_MIRROR or -Dllmenergy.datasets.mirror to the shared/datasets folder");
        }
        Path p = mirror.resolve(id).resolve(file);
        if (!Files.isRegularFile(p)) fail("mirror " + mirror + " lacks " + id + "/" + file);
        return p;
    }

    private static List<int[]> naiveRows(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        assertEquals("TIMESTAMP,ContextTokens,GeneratedTokens", lines.get(0));
        List<int[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return rows;
    }

    private static int ceil(int[] edges, int v) {
        for (int e : edges) if (e >= v) return e;
        return -1;
    }

    @ParameterizedTest
    @CsvSource({"azure-conv-2023, data/AzureLLMInferenceTrace_conv.csv, 19366",
                "azure-code-2023, data/AzureLLMInferenceTrace_code.csv, 8819"})
    void binsCsvMatchesAnIndependentCount(String id, String file, int rows) throws IOException {
        List<int[]> data = naiveRows(mirrorFile(id, file));
        assertEquals(rows, data.size());
        TreeMap<Integer, TreeMap<Integer, Integer>> expected = new TreeMap<>();
        int excluded = 0;
        for (int[] r : data) {
            int i = ceil(IN, r[0]);
            int o = ceil(OUT, r[1]);
            if (i < 0 || o < 0) {
                excluded++;
                continue;
            }
            expected.computeIfAbsent(i, k -> new TreeMap<>()).merge(o, 1, Integer::sum);
        }
        StringBuilder csv = new StringBuilder("input_bin,output_bin,requests\n");
        for (Map.Entry<Integer, TreeMap<Integer, Integer>> e : expected.entrySet()) {
            for (Map.Entry<Integer, Integer> o : e.getValue().entrySet()) {
                csv.append(e.getKey()).append(',').append(o.getKey()).append(',').append(o.getValue()).append('\n');
            }
        }
        CliRun run = CliRun.of("workload", "bins", "--trace", id, "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        assertEquals(csv.toString(), run.out());
        assertTrue(excluded > 0, "the real traces have outputs above 512 tokens");
        assertTrue(run.err().startsWith("excluded " + excluded + " of " + rows + " requests"), run.err());
    }

    @ParameterizedTest
    @CsvSource({"azure-conv-2023, data/AzureLLMInferenceTrace_conv.csv",
                "azure-code-2023, data/AzureLLMInferenceTrace_code.csv"})
    void statsCsvMatchesAnIndependentComputation(String id, String file) throws IOException {
        List<int[]> data = naiveRows(mirrorFile(id, file));
        CliRun run = CliRun.of("workload", "stats", "--trace", id, "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("lengths,count,mean,std,median,p99,min,max", lines[0]);
        for (int col = 0; col < 2; col++) {
            List<Integer> v = new ArrayList<>();
            for (int[] r : data) v.add(r[col]);
            Collections.sort(v);
            int n = v.size();
            double mean = v.stream().mapToDouble(Integer::doubleValue).sum() / n;
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            String[] f = lines[1 + col].split(",");
            assertEquals(col == 0 ? "input" : "output", f[0]);
            assertEquals(n, Integer.parseInt(f[1]));
            assertEquals(mean, Double.parseDouble(f[2]), 1e-9);
            assertEquals(Math.sqrt(ss / (n - 1)), Double.parseDouble(f[3]), 1e-9);
            assertEquals(percentile(v, 0.5), Double.parseDouble(f[4]), 1e-9);
            assertEquals(percentile(v, 0.99), Double.parseDouble(f[5]), 1e-9);
            assertEquals(v.get(0), Integer.parseInt(f[6]));
            assertEquals(v.get(n - 1), Integer.parseInt(f[7]));
        }
    }

    private static double percentile(List<Integer> sorted, double p) {
        double h = p * (sorted.size() - 1);
        int lo = (int) h;
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
