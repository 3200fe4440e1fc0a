package org.llmenergy.estimate.whatif;

import java.util.ArrayList;
import java.util.List;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.WorkloadPricing;

/**
 * What-if questions answered with the calibrated model: a workload priced under one or more serving settings,
 * through the one pricing path ({@link WorkloadPricing}) that {@code estimate} uses too.
 *
 * <pre>{@code
 * Setup a100 = Setup.parse("model=llama-3.1-8b,gpu=A100-SXM4-40GB,max-num-seqs=64");
 * Comparison c = WhatIf.compare("A100 -> H100", a100, a100.with("gpu=H100"), new Workload.Pair(512, 256, 1));
 * System.out.println(c.verdict());
 * }</pre>
 */
public final class WhatIf {
    private WhatIf() {}

    /**
     * @param setup    the setting
     * @param workload the requests
     * @return the workload priced under the setting
     * @throws org.llmenergy.estimate.calibrated.UnsupportedConfigurationException when the setting cannot be represented
     */
    public static Answer answer(Setup setup, Workload workload) {
        return new Answer(setup, WorkloadPricing.price(setup.energyModel(), workload));
    }

    /** @return the workload under {@code base} and under {@code alternative} */
    public static Comparison compare(String question, Setup base, Setup alternative, Workload workload) {
        return new Comparison(question, answer(base, workload), answer(alternative, workload));
    }

    /** @return the workload under each setting, in order */
    public static List<Answer> onEach(List<Setup> setups, Workload workload) {
        List<Answer> out = new ArrayList<>();
        for (Setup s : setups) out.add(answer(s, workload));
        return out;
    }
}
