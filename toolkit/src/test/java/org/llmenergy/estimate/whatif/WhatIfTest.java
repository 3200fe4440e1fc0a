package org.llmenergy.estimate.whatif;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.LengthMoments;
import org.llmenergy.estimate.RequestEnergy;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.calibrated.UnsupportedConfigurationException;
import org.llmenergy.units.Interval;
import org.llmenergy.workload.LengthPairCounts;

class WhatIfTest {
    private static final Setup H100 = Setup.parse("model=llama-3.1-8b,gpu=H100-SXM5-80GB,max-num-seqs=64");

    @Test
    void anAnswerIsTheCalibratedModelsPriceOfTheWorkload() {
        Answer a = WhatIf.answer(H100, new Workload.Pair(512, 256, 10));
        RequestEnergy.Priced one = (RequestEnergy.Priced) H100.energyModel().pricerFor(LengthMoments.of(512, 256)).price(512, 256);
        assertEquals(10 * one.totalJoules().value(), a.total().value(), 1e-9 * a.total().value());
        assertEquals(10 * one.totalJoules().low(), a.total().low(), 1e-9 * a.total().value());
        assertEquals(one.totalJoules().value() / 256, a.perOutputToken().value(), 1e-12);
        assertTrue(a.total().low() < a.total().value() && a.total().value() < a.total().high(), a.total().toString());
        assertEquals(10, a.price().requests());
    }

    @Test
    void aComparisonRatiosThePointEstimatesAndSaysWhetherTheIntervalsSeparate() {
        Workload w = new Workload.Pair(512, 256, 1);
        Comparison c = WhatIf.compare("batch 8 -> 64", H100.with("batch=8"), H100.with("batch=64"), w);
        assertEquals(c.alternative().total().value() / c.base().total().value(), c.ratio(), 1e-12);
        assertTrue(c.ratio() < 1, "a larger static batch spends less per request: " + c.ratio());
        Interval a = c.base().total();
        Interval b = c.alternative().total();
        assertEquals(a.low() <= b.high() && b.low() <= a.high(), c.intervalsOverlap());
        assertTrue(c.verdict().startsWith("batch 8 -> 64: ") && c.verdict().contains("less energy"), c.verdict());
    }

    @Test
    void anUncalibratedGpuIsFlaggedWithAWiderInterval() {
        Workload w = new Workload.Pair(512, 256, 1);
        Answer h100 = WhatIf.answer(H100, w);
        Answer a100 = WhatIf.answer(H100.with("gpu=A100-SXM4-40GB"), w);
        assertTrue(a100.price().flags().stream().anyMatch(f -> f.flag().kind() == EstimateFlag.Kind.UNCALIBRATED_GPU));
        assertTrue(h100.price().flags().stream().noneMatch(f -> f.flag().kind() == EstimateFlag.Kind.UNCALIBRATED_GPU));
        double widthA100 = Math.log(a100.total().high() / a100.total().low());
        double widthH100 = Math.log(h100.total().high() / h100.total().low());
        assertTrue(widthA100 > widthH100, widthA100 + " vs " + widthH100);
    }

    @Test
    void eachSettingPricesTheSameTraceAtItsExactLengths() {
        LengthPairCounts pairs = new LengthPairCounts();
        pairs.add(100, 20, 3);
        pairs.add(9000, 700, 1);   // beyond the paper's bins: still priced here
        List<Answer> answers = WhatIf.onEach(List.of(H100, H100.with("model=qwen3-30b-a3b")), new Workload.ExactLengths(pairs, "t"));
        assertEquals(2, answers.size());
        for (Answer a : answers) {
            assertEquals(4, a.price().requests());
            assertEquals(0, a.price().excludedRequests());
            assertEquals(3 * 20 + 700, a.price().outputTokens());
        }
        assertEquals("qwen3-30b-a3b", answers.get(1).setup().model());
    }

    @Test
    void aSettingTheModelCannotRepresentIsRefusedWithTheReason() {
        var e = assertThrows(UnsupportedConfigurationException.class,
                () -> WhatIf.answer(H100.with("model=llama-3.1-70b"), new Workload.Pair(512, 256, 1)));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        var eager = assertThrows(UnsupportedConfigurationException.class,
                () -> WhatIf.answer(H100.with("engine=hf-eager"), new Workload.Pair(512, 256, 1)));
        assertTrue(eager.getMessage().contains("hf-eager"), eager.getMessage());
    }
}
