package org.llmenergy.estimate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.llmenergy.units.Provenance;

class PaperNumbersTest {
    private final PaperNumbers p = PaperNumbers.load();

    @Test
    void tablesAsPrinted() {
        assertEquals(3, p.inputLengths().size());
        PublishedLengthRow chat = p.inputLengths().get(1);
        assertEquals("Azure Chat", chat.dataset());
        assertEquals(1631.58, chat.mean());
        assertEquals(928, chat.median());
        assertEquals(74.78, p.outputLengths().get(2).std());
        assertEquals(3112, p.classicalTasks().get(2).inputMax());
        assertEquals(1, p.classicalTasks().get(2).outputTokens());
        assertEquals(490.23, p.table4("Azure Conversation").pytorchPercentAbove());
        assertEquals(26.59, p.table4("azure code").vllmPercentAbove());
        assertEquals(3, p.table5().size());
        assertTrue(p.table5().get(0).bf16Tflops().isEmpty());
        assertEquals(312, p.table5().get(2).bf16Tflops().getAsDouble());
        assertThrows(NoSuchElementException.class, () -> p.table4("ShareGPT"));
    }

    @Test
    void tablesArePublishedAndCiteTheirTable() {
        Provenance prov = p.table4().get(0).provenance();
        assertEquals(Provenance.Source.PAPER_PUBLISHED, prov.source());
        assertFalse(prov.isEstimate());
        assertEquals("Fernandez et al., ACL 2025, Table 4", prov.details().get("citation"));
        assertEquals("Fernandez et al., ACL 2025, Table 1", p.inputLengths().get(0).provenance().details().get("citation"));
    }

    @Test
    void everyFigureIsDigitizedApproximateAndCited() {
        for (int n = 1; n <= 12; n++) {
            PaperFigure f = p.figure(n);
            assertEquals(Provenance.Source.PAPER_DIGITIZED, f.provenance().source(), "Fig. " + n);
            assertTrue(f.provenance().isEstimate());
            assertEquals("Fernandez et al., ACL 2025, Fig. " + n, f.provenance().details().get("citation"));
            assertEquals("true", f.provenance().details().get("approximate"));
        }
        assertEquals(12, p.figures().size());
    }

    @Test
    void figureValuesFromTheDigest() {
        PaperPoint bs1 = p.figure(2).series("decode vs output", "BS1").orElseThrow().points().get(3);
        assertEquals(4095, bs1.x().getAsDouble());
        assertEquals(6.2, bs1.y());
        assertEquals(0.41, p.figure(6).series("DeepSeek-R1-Distill-Qwen-32B", "TP4").orElseThrow().points().get(0).y());
        PaperPoint fig1 = p.figure(1).series("", "PyTorch").orElseThrow().points().get(2);
        assertEquals("Azure Conversation", fig1.xLabel());
        assertTrue(fig1.x().isEmpty());
        assertEquals(1800, fig1.y());
        PaperPoint range = p.figure(3).series("", "autoregressive (greedy, beam, temperature, top-p)").orElseThrow().points().get(0);
        assertEquals(0.080, range.yLow().getAsDouble());
        assertEquals(0.092, range.yHigh().getAsDouble());
        assertEquals(-11.2, p.figure(9).series("", "A6000").orElseThrow().points().get(0).y());
        assertEquals(4, p.figure(2).panel("decode vs output").size());
    }

    @Test
    void figure1IsConsistentWithTable4() {
        // Fig. 1 vLLM / theoretical should reproduce Table 4 within the digitisation error
        PaperFigure f = p.figure(1);
        String[] tasks = {"BurstGPT", "Azure Code", "Azure Conversation"};
        for (int k = 0; k < 3; k++) {
            double theory = f.series("", "Theoretical").orElseThrow().points().get(k).y();
            double vllm = f.series("", "vLLM").orElseThrow().points().get(k).y();
            double pct = (vllm - theory) / theory * 100;
            assertEquals(p.table4(tasks[k]).vllmPercentAbove(), pct, 5, tasks[k]);
        }
    }

    @Test
    void textValuesKeepTheirKind() {
        PaperValue tdp = p.text("a6000-flops-hw");
        assertEquals(309.7, tdp.value());
        assertEquals(Provenance.Source.PAPER_PUBLISHED, tdp.provenance().source());
        assertEquals(Provenance.Source.PAPER_DIGITIZED, p.text("fig5-pytorch-max-batch-a6000").provenance().source());
        assertEquals(55.23, p.text("tp4-energy-increase").value());
    }
}
