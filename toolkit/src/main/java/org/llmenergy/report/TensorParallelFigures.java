package org.llmenergy.report;

import java.util.ArrayList;
import java.util.List;
import org.llmenergy.estimate.paper.PaperFigure;
import org.llmenergy.estimate.paper.PaperNumbers;
import org.llmenergy.estimate.paper.PaperSeries;

/** Figure 6: energy with tensor parallelism over 1, 2 and 4 GPUs, for Llama-3.1-8B and a 32B model. Paper only. */
public final class TensorParallelFigures {
    private static final String[][] PANELS = {
        {"Llama-3.1-8B", "fig06a-tensor-parallel-llama-8b", "Figure 6a"},
        {"DeepSeek-R1-Distill-Qwen-32B", "fig06b-tensor-parallel-qwen-32b", "Figure 6b"}};

    private TensorParallelFigures() {}

    /** @return the two panels, paper only */
    public static List<Panel> panels() {
        PaperFigure f = PaperNumbers.load().figure(6);
        List<Panel> out = new ArrayList<>();
        for (String[] p : PANELS) {
            Plot plot = Plot.xy(FigureText.title(p[2], "tensor parallelism, " + p[0], false), Axis.log2(FigureText.BATCH_SIZE),
                    Axis.log2("energy for 1,024 examples, all GPUs of the group (kWh)")).colourOrder("single GPU", "TP2", "TP4");
            for (PaperSeries s : f.panel(p[0])) plot.add(FigureText.paperSeries(s, s.name()));
            String caption = "Energy for 1,024 examples against batch size with tensor parallelism (TP2: 2 GPUs, TP4: 4 GPUs), summed"
                    + " over the GPUs used; the paper does not name the GPU type. Sharding a model that fits one GPU cuts latency but"
                    + " raises energy." + (p[0].startsWith("DeepSeek") ? " The 32B model runs only with TP2 and TP4; the paper shows"
                    + " no TP2 point at batch 1." : "") + " " + FigureText.legendKey() + " " + Labels.PAPER_ONLY
                    + " (multi-GPU runs are outside this toolkit's CPU default).";
            out.add(new Panel(p[1], plot, caption, FigureText.source("Fig. 6", plot)));
        }
        return out;
    }
}
