package org.llmenergy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload commands on files generated here, including the --expect check. */
class WorkloadCommandTest {
    private static final int N = 5001;

    @TempDir
    Path tmp;
    private Path week;
    private int[] inputs;
    private int[] outputs;

    /** A trace in the Azure 2024 one-week layout, with lengths drawn here. */
    @BeforeEach
    void generate() throws Exception {
        week = tmp.resolve("AzureLLMInferenceTrace_conv_1week.csv");
        Random r = new Random(11);
        inputs = new int[N];
        outputs = new int[N];
        try (BufferedWriter w = Files.newBufferedWriter(week, StandardCharsets.US_ASCII)) {
            w.write("TIMESTAMP,ContextTokens,GeneratedTokens\n");
            for (int i = 0; i < N; i++) {
                inputs[i] = 1 + (int) Math.exp(r.nextDouble() * 9.3);
                outputs[i] = 1 + (int) Math.exp(r.nextDouble() * 6.7);
                w.write(String.format(Locale.ROOT, "2024-05-10 00:%02d:%02d.%06d+00:00,%d,%d%n",
                        (i / 60) % 60, i % 60, r.nextInt(1_000_000), inputs[i], outputs[i]));
            }
        }
    }

    private static double pct(int[] v, double p) {
        int[] s = v.clone();
        Arrays.sort(s);
        double h = p * (s.length - 1);
        int lo = (int) h;
        return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
    }

    private static double mean(int[] v) { return Arrays.stream(v).average().orElseThrow(); }

    private static double std(int[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).mapToDouble(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    /** The user's check against published values: an expectation file rounded as a paper would print it. */
    private Path expectation(double inMeanShift) throws Exception {
        String json = String.format(Locale.ROOT, "{\"name\":\"generated\",\"input\":{\"mean\":%.2f,\"std\":%.2f,\"median\":%.0f,\"p99\":%.0f},"
                        + "\"output\":{\"mean\":%.2f,\"std\":%.2f,\"median\":%.0f,\"p99\":%.0f}}",
                mean(inputs) + inMeanShift, std(inputs), pct(inputs, 0.5), pct(inputs, 0.99),
                mean(outputs), std(outputs), pct(outputs, 0.5), pct(outputs, 0.99));
        return Files.writeString(tmp.resolve("expect.json"), json);
    }

    @Test
    void statsOfTheGeneratedWeekAndItsExpectation() throws Exception {
        CliRun ok = CliRun.of("workload", "stats", "--trace", week.toString(), "--expect", expectation(0).toString());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("(azure-2024, "), ok.out());
        assertTrue(ok.out().contains("compared with generated"), ok.out());
        assertTrue(!ok.out().contains("DIFFERS"), ok.out());

        CliRun off = CliRun.of("workload", "stats", "--trace", week.toString(), "--expect", expectation(0.02).toString());
        assertEquals(1, off.exit());
        assertTrue(off.out().lines().anyMatch(l -> l.startsWith("input") && l.contains("mean") && l.endsWith("DIFFERS")), off.out());
        assertTrue(off.err().contains("1 of 8 statistics differ from generated"), off.err());
    }

    @Test
    void expectPaperPicksTheRowFromTheNameAndReportsDifferences() {
        CliRun run = CliRun.of("workload", "stats", "--trace", week.toString(), "--expect", "paper", "--format", "json");
        assertEquals(1, run.exit(), "generated lengths are not the paper's");
        assertTrue(run.err().contains("differ from paper:azure-chat"), run.err());
        assertTrue(run.out().contains("\"passed\" : false"), run.out());
        CliRun unknown = CliRun.of("workload", "stats", "--trace", week.toString(), "--expect", "paper:sharegpt");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no paper row 'paper:sharegpt'"), unknown.err());
    }

    @Test
    void expectPaperDoesNotGuessARowFromAFileNameTheCatalogDoesNotList() throws Exception {
        Path renamed = Files.copy(week, tmp.resolve("my-azure-conv.csv"));
        CliRun run = CliRun.of("workload", "stats", "--trace", renamed.toString(), "--expect", "paper");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("not one of the catalog's paper traces"), run.err());
    }

    @Test
    void statsJsonIsValidAndComplete() throws Exception {
        CliRun run = CliRun.of("workload", "stats", "--trace", week.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals("azure-2024", j.get("format").asText());
        assertEquals(N, j.get("input").get("count").asLong());
        assertEquals(pct(outputs, 0.99), j.get("output").get("p99").asDouble(), 1e-9);
        assertEquals(std(inputs), j.get("input").get("std").asDouble(), 1e-9);
    }

    @Test
    void binsOptionsAndJson() throws Exception {
        CliRun fig7 = CliRun.of("workload", "bins", "--trace", week.toString(), "--bins", "figure7", "--format", "csv");
        assertEquals(0, fig7.exit(), fig7.err());
        assertTrue(fig7.out().lines().skip(1).noneMatch(l -> l.split(",")[1].equals("64")), fig7.out());

        CliRun clip = CliRun.of("workload", "bins", "--trace", week.toString(), "--overflow", "clip", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(clip.out());
        long over = Arrays.stream(outputs).filter(o -> o > 512).count() + Arrays.stream(inputs).filter(i -> i > 8192).count()
                - java.util.stream.IntStream.range(0, N).filter(k -> inputs[k] > 8192 && outputs[k] > 512).count();
        assertEquals(over, j.get("clipped").get("total").asLong());
        assertEquals(N, j.get("binned").asLong(), "clip keeps every request");

        CliRun custom = CliRun.of("workload", "bins", "--trace", week.toString(), "--input-bins", "100,1000",
                "--output-bins", "10", "--format", "csv");
        long expected = java.util.stream.IntStream.range(0, N).filter(k -> inputs[k] <= 100 && outputs[k] <= 10).count();
        assertTrue(custom.out().contains("100,10," + expected + "\n"), custom.out());
        assertTrue(custom.err().contains("input > 1000 only"), custom.err());

        CliRun human = CliRun.of("workload", "bins", "--trace", week.toString());
        assertTrue(human.out().contains("excluded "), human.out());
    }

    @Test
    void malformedTraceFailsWithNothingOnStdout() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"),
                "TIMESTAMP,ContextTokens,GeneratedTokens\n2024-05-10 00:00:00+00:00,5,6\n2024-05-10 00:00:01+00:00,x,6\n");
        CliRun run = CliRun.of("workload", "bins", "--trace", bad.toString(), "--format", "csv");
        assertEquals(1, run.exit());
        assertEquals("", run.out(), "no half-read bins");
        assertTrue(run.err().startsWith("llm-energy: " + bad + ":3:2 (ContextTokens): "), run.err());
    }

    @Test
    void burstGptDropFailed() throws Exception {
        Path b = Files.writeString(tmp.resolve("BurstGPT_1.csv"), "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                + "5,ChatGPT,472,18,490,Conversation log\n45,ChatGPT,1087,0,1087,Conversation log\n");
        CliRun keep = CliRun.of("workload", "bins", "--trace", b.toString(), "--format", "csv");
        assertEquals("input_bin,output_bin,requests\n512,32,1\n2048,8,1\n", keep.out());
        CliRun drop = CliRun.of("workload", "bins", "--trace", b.toString(), "--format", "csv", "--drop-failed");
        assertEquals("input_bin,output_bin,requests\n512,32,1\n", drop.out());
        assertTrue(drop.err().contains("1 failed requests dropped"), drop.err());
    }

    @Test
    void unknownTraceNamesTheKnownIds() {
        CliRun run = CliRun.of("workload", "stats", "--trace", "no-such-trace");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("neither an existing file nor a dataset id") && run.err().contains("azure-conv-2024"), run.err());
    }

    @Test
    void aHeaderOnlyTraceIsTheSameErrorForStatsAndBins(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path header = java.nio.file.Files.writeString(tmp.resolve("ho.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n");
        CliRun stats = CliRun.of("workload", "stats", "--trace", header.toString());
        CliRun bins = CliRun.of("workload", "bins", "--trace", header.toString());
        // before the fix stats failed and bins printed a table of zeros with exit 0
        assertEquals(1, stats.exit());
        assertEquals(stats.exit(), bins.exit());
        assertEquals(stats.err(), bins.err());
        assertTrue(bins.err().contains("ho.csv: no requests (the file has only a header)"), bins.err());
    }
}
