package org.llmenergy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmenergy.estimate.FlagCount;
import org.llmenergy.estimate.Workload;
import org.llmenergy.estimate.whatif.Answer;
import org.llmenergy.estimate.whatif.Comparison;
import org.llmenergy.estimate.whatif.Setup;
import org.llmenergy.estimate.whatif.WhatIf;
import org.llmenergy.io.Json;
import org.llmenergy.workload.Trace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code llm-energy what-if}: one workload under a base setting and alternatives, with the calibrated model. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Compare serving settings for one workload with the calibrated model: each answer with its 90 %%"
                + " interval and flags, and its ratio to the base.",
                "Example: what-if --base model=llama-3.1-8b,gpu=A100-SXM4-40GB,max-num-seqs=64 --vs gpu=H100 --input 512 --output 256"})
final class WhatIfCommand implements Callable<Integer> {
    @Option(names = "--base", required = true, paramLabel = "SETUP",
            description = "model=PRESET,gpu=NAME[,tp=N][,dtype=bf16|fp8|...][,engine=vllm|hf-eager][,max-num-seqs=S|batch=B]")
    String base;

    @Option(names = "--vs", required = true, paramLabel = "CHANGES",
            description = "An alternative: the keys that differ from --base, for example gpu=H100 or batch=64 (repeatable).")
    List<String> alternatives;

    @ArgGroup(exclusive = true, multiplicity = "1")
    WorkloadChoice workload;

    static final class WorkloadChoice {
        @ArgGroup(exclusive = false)
        Pair pair;

        @Option(names = "--trace", paramLabel = "<id|path>", description = "A trace, priced at its exact lengths.")
        String trace;
    }

    static final class Pair {
        @Option(names = "--input", required = true, paramLabel = "I", description = "Prompt tokens of one request.")
        int input;

        @Option(names = "--output", required = true, paramLabel = "O", description = "Generated tokens of one request.")
        int output;
    }

    @Option(names = "--format", paramLabel = "json", description = "json for machine-readable output (default: text).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (format != null && !format.equals("json")) throw new IllegalArgumentException("--format: only json is offered, got '" + format + "'");
        Workload w = workload.trace != null ? Workload.exactLengths(Trace.resolve(workload.trace))
                : new Workload.Pair(workload.pair.input, workload.pair.output, 1);
        Setup b = Setup.parse(base);
        List<Comparison> comparisons = new ArrayList<>();
        Answer baseAnswer = WhatIf.answer(b, w);
        for (String change : alternatives) comparisons.add(new Comparison(change, baseAnswer, WhatIf.answer(b.with(change), w)));
        PrintStream out = System.out;
        if ("json".equals(format)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("workload", w.label());
            json.put("base", answerJson(baseAnswer, 1.0));
            List<Object> alts = new ArrayList<>();
            for (Comparison c : comparisons) {
                Map<String, Object> a = answerJson(c.alternative(), c.ratio());
                a.put("intervals_overlap", c.intervalsOverlap());
                alts.add(a);
            }
            json.put("alternatives", alts);
            out.println(Json.pretty().writeValueAsString(json));
        } else {
            out.println("workload: " + w.label());
            print(out, "base", baseAnswer);
            for (Comparison c : comparisons) {
                print(out, "vs " + c.question(), c.alternative());
                out.println("  " + c.verdict());
            }
        }
        return 0;
    }

    private static void print(PrintStream out, String label, Answer a) {
        out.printf(Locale.ROOT, "%s: %s%n  total %s J, per output token %s J (90 %% intervals)%n", label, a.setup(),
                a.total(), a.perOutputToken());
        if (a.price().excludedRequests() > 0) out.println("  excluded requests: " + a.price().excludedRequests());
        for (FlagCount f : a.price().flags()) out.println("  flag: " + f.flag() + " (" + f.requests() + " requests)");
    }

    private static Map<String, Object> answerJson(Answer a, double ratio) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setup", a.setup().toString());
        m.put("estimate_options", a.setup().estimateOptions());
        m.put("total_j", Numbers.interval(a.total()));
        m.put("per_output_token_j", Numbers.interval(a.perOutputToken()));
        m.put("ratio_to_base", ratio);
        m.put("requests", a.price().requests());
        m.put("excluded_requests", a.price().excludedRequests());
        m.put("flags", a.price().flags().stream().map(f -> Map.of("kind", f.flag().kind().name().toLowerCase(Locale.ROOT),
                "detail", f.flag().detail(), "requests", f.requests())).toList());
        return m;
    }
}
