#!/usr/bin/env python3
"""PyTorch-eager baseline for org.llmenergy.bench.InferenceThroughput.

Builds the same architecture with Hugging Face transformers (random weights, fp32, CPU, transformers' default
attention implementation) and times prefill (prompt forward pass up to the first greedy token) and decode (the
remaining greedy steps with the DynamicCache), the way the Java harness times the DJL engine.

It serves runs so the Java harness can interleave them with its own (noise on a shared machine then hits both
sides alike): after start-up it prints one "ready" JSON line, then for every line "BATCH SEED" read from stdin
it runs one generation and prints one JSON line with the phase times in seconds (wall clock, and the
process's CPU time, which is steadier than wall time when other work shares the machine). An empty line or EOF ends it.

  python3 inference_pytorch_eager.py --config cfg.json --threads 2 --input 128 --output 65
"""
import argparse
import json
import resource
import sys
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM


def run_once(model, batch, input_len, output_len, vocab, seed):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, vocab, (batch, input_len), generator=g)
    with torch.inference_mode():
        c0, t0 = time.process_time(), time.perf_counter()
        # logits_to_keep=1, as transformers' generate() asks: logits of the last position only.
        out = model(input_ids=ids, use_cache=True, logits_to_keep=1)
        nxt = out.logits[:, -1, :].argmax(-1, keepdim=True)
        cache = out.past_key_values
        c1, t1 = time.process_time(), time.perf_counter()
        for _ in range(output_len - 1):
            out = model(input_ids=nxt, past_key_values=cache, use_cache=True, logits_to_keep=1)
            nxt = out.logits[:, -1, :].argmax(-1, keepdim=True)
            cache = out.past_key_values
        c2, t2 = time.process_time(), time.perf_counter()
    return t1 - t0, t2 - t1, c1 - c0, c2 - c1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", required=True, help="Hugging Face config.json of a Llama-family model")
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--input", type=int, required=True)
    p.add_argument("--output", type=int, required=True)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    with open(a.config) as f:
        cfg = LlamaConfig(**json.load(f))
    model = LlamaForCausalLM(cfg).eval()
    print(json.dumps({"ready": True, "engine": "pytorch-eager", "torch": torch.__version__,
                      "threads": torch.get_num_threads(), "attention": model.config._attn_implementation}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        batch, seed = (int(x) for x in line.split())
        prefill, decode, prefill_cpu, decode_cpu = run_once(model, batch, a.input, a.output, cfg.vocab_size, seed)
        print(json.dumps({"batch": batch, "seed": seed, "prefill_s": prefill, "decode_s": decode,
                          "prefill_cpu_s": prefill_cpu, "decode_cpu_s": decode_cpu,
                          # peak resident set of the process so far (Linux reports KiB)
                          "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
