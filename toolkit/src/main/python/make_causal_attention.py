"""Writes the TorchScript attention block the DJL engine calls (issue 11).

DJL 0.36's NDArray API has no scaled_dot_product_attention, so the engine's own attention materialises fp32
scores, and its decode step pays three multi-threaded operations per layer where libtorch's fused kernel needs one.
This block is that kernel behind a TorchScript function, loaded once through DJL (JniUtils.loadModule) and called
per layer; when it is absent or libtorch cannot load it, the engine falls back to its chunked attention.

Contract (org.llmenergy.inference.ScriptedAttention): q [B, H, T, hd] with 1/sqrt(hd) already folded in, k and v
[B, Hkv, S, hd] with H a multiple of Hkv (query head h reads key/value head h // (H / Hkv), as transformers'
repeat_kv); the T queries are the last T of the S positions (a pass continuing a KV cache), so query i sees keys
0 .. S - T + i. Returns [B, H, T, hd].

Run with the torch of benchmarks/README.md (written with torch 2.13.0+cpu; TorchScript archive format 3, which
libtorch 2.7.1 loads):
    /tmp/venv-gold/bin/python toolkit/src/main/python/make_causal_attention.py \
        toolkit/src/main/resources/org/llmenergy/inference/causal_attention.pt
"""
import sys

import torch
import torch.nn.functional as F


class CausalAttention(torch.nn.Module):
    def forward(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        b = q.size(0)
        heads = q.size(1)
        t = q.size(2)
        hd = q.size(3)
        kv_heads = k.size(1)
        s = k.size(2)
        group = heads // kv_heads
        if t == 1 and s > 1:
            # One new query per sequence sees every key: the heads sharing a key/value head become that head's
            # query rows ([B, H, 1, hd] has the memory order of [B, Hkv, group, hd]), so K and V are read as they
            # are, never repeated, and no mask is needed.
            out = F.scaled_dot_product_attention(q.reshape(b, kv_heads, group, hd), k, v, scale=1.0)
            return out.reshape(b, heads, 1, hd)
        if t == s:
            if group > 1:
                # enable_gqa=True takes libtorch's unfused path on the CPU (5x slower at 1,024 queries, torch 2.7.1).
                # A whole prompt's K/V are as long as its queries, so repeating them costs no more than q itself.
                k = k.repeat_interleave(group, dim=1)
                v = v.repeat_interleave(group, dim=1)
            return F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=1.0)
        # A pass that continues the cache: is_causal aligns the mask top-left, this needs it bottom-right.
        visible = torch.ones(t, s, dtype=torch.bool, device=q.device).tril(s - t)
        if group > 1 and t <= 512:
            # Few queries over a long cache: repeating the cache's K/V for every query head costs more than the
            # attention itself, so fold the heads that share a key/value head into query rows (as for decode) with
            # the mask tiled per head. Timed on the 2-core development CPU, torch 2.13, 12 heads over 4: the fold
            # took 0.24-0.29x the repeat's time at 32 queries, 0.45 at 128, 0.62-0.84 at 256, 0.80-0.91 at 512,
            # but 1.02-1.28x at 1,024 queries (batch 1, one 1,024-token pass), where the repeat stays.
            out = F.scaled_dot_product_attention(q.reshape(b, kv_heads, group * t, hd), k, v,
                                                 attn_mask=visible.repeat(group, 1), scale=1.0)
            return out.reshape(b, heads, t, hd)
        if group > 1:
            k = k.repeat_interleave(group, dim=1)
            v = v.repeat_interleave(group, dim=1)
        return F.scaled_dot_product_attention(q, k, v, attn_mask=visible, scale=1.0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_causal_attention.py OUTPUT.pt")
    torch.jit.script(CausalAttention()).save(sys.argv[1])
    print("wrote", sys.argv[1], "with torch", torch.__version__)
