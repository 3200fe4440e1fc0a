package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellRunnerTest {

    @Test
    void warmupRunsGetNoListenerAndRepeatsTheirOwn() {
        List<String> edges = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.load(InferenceEngineTest.TINY, EngineOptions.cpu())) {
            CellReport r = CellRunner.run(engine, RunSpec.greedy(2, 5, 4, 0), 2, 3,
                    i -> (phase, edge) -> edges.add(i + " " + phase + " " + edge));
            assertEquals(3, r.repeats().size());
            assertEquals(12, edges.size(), "4 edges for each measured repeat, none for warm-up");
            assertEquals("0 PREFILL START", edges.get(0));
            assertEquals("2 DECODE END", edges.get(11));
            assertEquals(3, r.decodeSeconds().n());
            assertTrue(r.decodeSeconds().min() <= r.decodeSeconds().median());
            assertTrue(java.util.Arrays.deepEquals(r.repeats().get(0).tokens(), r.repeats().get(2).tokens()), "repeats are identical work");
            String html = CellReportHtml.repeats(r);
            assertTrue(html.contains("batch 2, input 5, output 4, greedy; 3 repeats after 2 warm-up"), html);
            assertEquals(4, html.split("<tr><td>").length, "three repeat rows");
            String both = CellReportHtml.compare(List.of(r, r));
            assertEquals(3, both.split("<tr><td>").length);
            assertThrows(IllegalArgumentException.class, () -> CellRunner.run(engine, RunSpec.greedy(1, 2, 2, 0), 0, 0));
        }
    }

    @Test
    void singleTokenCellsHaveNoDecodeSummary() {
        try (InferenceEngine engine = InferenceEngine.load(InferenceEngineTest.TINY, EngineOptions.cpu())) {
            CellReport r = CellRunner.run(engine, RunSpec.greedy(1, 5, 1, 0), 0, 2);
            assertNull(r.decodeTokensPerSecond());
            assertNull(r.timePerOutputTokenSeconds());
            assertTrue(CellReportHtml.compare(List.of(r)).contains("n/a"));
            var json = CellReportJson.toJson(r, false);
            assertTrue(json.get("summary").get("decode_tokens_per_s").isNull());
            assertTrue(json.get("repeats").get(0).get("time_per_output_token_s").isNull());
        }
    }

    @Test
    void statSummarisesValues() {
        Stat s = Stat.of(3, 1, 2, 10);
        assertEquals(4, s.n());
        assertEquals(4.0, s.mean(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(10, s.max());
        assertEquals(Math.sqrt((1 + 9 + 4 + 36) / 3.0), s.stdev(), 1e-12);
        assertNull(Stat.of(5).stdev());
    }
}
