#!/usr/bin/env python3
"""Writes the golden-logit fixtures for the DJL transformer tests.

For each tiny architecture (Llama with llama3 rope scaling, Qwen2 with QKV bias and tied embeddings, OLMo with
non-parametric layer norm) this builds a randomly initialised Hugging Face transformers model, saves it with
save_pretrained (config.json + safetensors; the Llama one sharded, so the index path is tested too), and records
in golden.json what transformers computes in fp32:
  - the logits of a full forward pass over a batch of prompts (every position),
  - greedy continuations (argmax, full recomputation each step, EOS ignored) and the smallest top-1/top-2 margin
    seen, so a test can tell a real mismatch from a near-tie,
  - a beam-search continuation from model.generate(num_beams=3).
The Llama fixture also gets a tiny word-level tokenizer.json and the ids it gives for a sample text.

Weights are scaled so that logits are O(1) (the HF default init, std 0.02, gives near-uniform logits that would let
a wrong implementation pass a 1e-4 check).

Run (from the repository root):
  python3 -m venv /tmp/venv-gold && /tmp/venv-gold/bin/pip install torch==2.13.0+cpu transformers safetensors
  /tmp/venv-gold/bin/python toolkit/src/test/python/make_golden.py toolkit/src/test/resources/golden
"""
import json
import math
import os
import sys

import torch
import transformers
from transformers import (LlamaConfig, LlamaForCausalLM, OlmoConfig, OlmoForCausalLM, Qwen2Config,
                          Qwen2ForCausalLM)

VOCAB = 128
BATCH, SEQ, NEW_TOKENS, BEAM_WIDTH, BEAM_TOKENS = 2, 12, 8, 3, 6


def scale_weights(model, seed):
    """Re-initialises every parameter so activations and logits are O(1) and norm weights are not all ones."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight") or "layernorm" in name:
                p.copy_(torch.rand(p.shape, generator=g) + 0.5)
            elif name.endswith("bias"):
                p.copy_(torch.randn(p.shape, generator=g) * 0.5)
            elif "embed_tokens" in name:
                p.copy_(torch.randn(p.shape, generator=g))
            else:  # linear weights [out, in]
                p.copy_(torch.randn(p.shape, generator=g) / math.sqrt(p.shape[1]))


def greedy(model, ids, steps):
    """Greedy continuation by full recomputation; returns tokens and the smallest top-1/top-2 logit margin."""
    margin = float("inf")
    out = []
    cur = ids
    for _ in range(steps):
        logits = model(cur).logits[:, -1, :]
        top = torch.topk(logits, 2, dim=-1).values
        margin = min(margin, float((top[:, 0] - top[:, 1]).min()))
        nxt = logits.argmax(-1, keepdim=True)
        out.append(nxt)
        cur = torch.cat([cur, nxt], dim=1)
    return torch.cat(out, dim=1), margin


def beam(model, ids):
    # No EOS at all: min_new_tokens would mask the EOS logit and so change every log-softmax the beams are
    # scored with, which is not plain beam search.
    model.generation_config.eos_token_id = None
    gen = model.generate(ids, attention_mask=torch.ones_like(ids), num_beams=BEAM_WIDTH, do_sample=False, max_new_tokens=BEAM_TOKENS,
                         early_stopping=False, length_penalty=0.0, pad_token_id=0, num_return_sequences=1)
    assert gen.shape[1] == ids.shape[1] + BEAM_TOKENS, gen.shape
    return gen[:, ids.shape[1]:]


def write_tokenizer(path):
    """A word-level tokenizer whose 128 words map to the 128 ids of the tiny vocabulary."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    words = ["[UNK]"] + ["w%d" % i for i in range(1, VOCAB)]
    tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(path)
    text = " ".join("w%d" % ((i * 37) % (VOCAB - 1) + 1) for i in range(SEQ + 4))
    return text, tok.encode(text).ids


def make(name, model, seed, out_root, shard=None, tokenizer=False):
    torch.manual_seed(seed)
    scale_weights(model, seed)
    model.eval()
    out = os.path.join(out_root, name)
    os.makedirs(out, exist_ok=True)
    kwargs = {"max_shard_size": shard} if shard else {}
    model.save_pretrained(out, **kwargs)
    for extra in ("generation_config.json",):
        if os.path.exists(os.path.join(out, extra)):
            os.remove(os.path.join(out, extra))
    g = torch.Generator().manual_seed(seed + 1)
    ids = torch.randint(0, VOCAB, (BATCH, SEQ), generator=g)
    golden = {"model": name, "transformers": transformers.__version__, "torch": torch.__version__,
              "dtype": "float32", "input_ids": ids.tolist()}
    with torch.no_grad():
        golden["logits"] = model(ids).logits.tolist()
        tokens, margin = greedy(model, ids, NEW_TOKENS)
        golden["greedy_tokens"] = tokens.tolist()
        golden["greedy_min_margin"] = margin
        golden["beam_width"] = BEAM_WIDTH
        golden["beam_tokens"] = beam(model, ids).tolist()
    if tokenizer:
        text, text_ids = write_tokenizer(os.path.join(out, "tokenizer.json"))
        golden["text"] = text
        golden["text_ids"] = text_ids
    with open(os.path.join(out, "golden.json"), "w") as f:
        json.dump(golden, f)
    print(name, "params", sum(p.numel() for p in model.parameters()), "min greedy margin %.4f" % margin)


def main(out_root):
    torch.set_num_threads(1)
    rope = {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
            "original_max_position_embeddings": 32}
    llama = LlamaConfig(vocab_size=VOCAB, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
                        num_attention_heads=4, num_key_value_heads=2, head_dim=16, max_position_embeddings=256,
                        rope_theta=10000.0, rope_scaling=rope, rms_norm_eps=1e-5, tie_word_embeddings=False,
                        attn_implementation="eager")
    make("tiny-llama", LlamaForCausalLM(llama), 11, out_root, shard="150KB", tokenizer=True)
    qwen = Qwen2Config(vocab_size=VOCAB, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                       num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                       rope_theta=10000.0, rms_norm_eps=1e-6, tie_word_embeddings=True, use_sliding_window=False,
                       attn_implementation="eager")
    make("tiny-qwen2", Qwen2ForCausalLM(qwen), 22, out_root)
    olmo = OlmoConfig(vocab_size=VOCAB, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=256,
                      rope_theta=10000.0, tie_word_embeddings=False, attn_implementation="eager",
                      pad_token_id=1, bos_token_id=None, eos_token_id=0)
    make("tiny-olmo", OlmoForCausalLM(olmo), 33, out_root)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "toolkit/src/test/resources/golden")
