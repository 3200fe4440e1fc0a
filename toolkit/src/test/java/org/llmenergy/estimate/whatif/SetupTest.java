package org.llmenergy.estimate.whatif;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.calibrated.CalibratedModel;
import org.llmenergy.estimate.calibrated.Engine;
import org.llmenergy.estimate.calibrated.Serving;
import org.llmenergy.model.Precision;

class SetupTest {
    @Test
    void unstatedKeysTakeTheCalibratedModelsDefaults() {
        Setup s = Setup.parse("model=llama-3.1-8b, gpu=H100-SXM5-80GB");
        assertEquals(new Setup("llama-3.1-8b", "H100-SXM5-80GB", 1, Precision.BF16, Engine.VLLM, Serving.continuous(256)), s);
        assertEquals("model=llama-3.1-8b,gpu=H100-SXM5-80GB,tp=1,dtype=bf16,engine=vllm,max-num-seqs=256", s.toString());
        assertEquals(s, Setup.parse(s.toString()), "toString is what parse reads");
    }

    @Test
    void withChangesOnlyTheKeysGiven() {
        Setup base = Setup.parse("model=llama-3.1-70b,gpu=H100-SXM5-80GB,tp=2,dtype=fp8,max-num-seqs=64");
        Setup tp4 = base.with("tp=4");
        assertEquals(4, tp4.tp());
        assertEquals(Precision.FP8, tp4.precision());
        assertEquals(Serving.continuous(64), tp4.serving());
        assertEquals(Serving.staticBatch(8), base.with("batch=8").serving(), "batch switches to the paper's static batches");
        assertEquals("--model llama-3.1-70b --gpu H100-SXM5-80GB --tp 4 --dtype fp8 --engine vllm --max-num-seqs 64",
                tp4.estimateOptions());
        assertEquals("--model llama-3.1-70b --gpu H100-SXM5-80GB --tp 2 --dtype fp8 --engine vllm --batch 8",
                base.with("batch=8").estimateOptions());
    }

    @Test
    void badInputNamesTheKeyAndValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("gpu=H100")).getMessage().contains("model=... and gpu=..."));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("model=llama-3.1-8b,gpu=H100,tp=two"))
                .getMessage().contains("tp must be a positive integer, got 'two'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("model=llama-3.1-8b,gpu=H100,batch=8,max-num-seqs=8"))
                .getMessage().contains("not both"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("model=llama-3.1-8b,gpu=H100,color=red"))
                .getMessage().contains("unknown key 'color'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("model=llama-3.1-8b,gpu=H100,tp"))
                .getMessage().contains("not key=value: [tp]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Setup.parse("model=no-such-model,gpu=H100"))
                .getMessage().contains("unknown model preset 'no-such-model'"));
    }

    @Test
    void theEnergyModelIsTheCalibratedModelOfThatSetting() {
        CalibratedModel m = Setup.parse("model=llama-3.1-70b,gpu=H100,tp=2,batch=8").energyModel();
        assertEquals(2, m.tensorParallel());
        assertEquals(Serving.staticBatch(8), m.serving());
        assertEquals("llama-3.1-70b", m.model().name());
        assertEquals("calibrated", m.source());
    }
}
