#!/usr/bin/env python3
"""A steady GPU load for environment/gpu-check.sh: fp16 matrix multiplications on one CUDA device for a given time.

Usage: gpu-load.py [--seconds 20] [--gpu 0] [--n 8192] [--on-ms MS --off-ms MS]

Prints one JSON line: {"matmuls", "n", "seconds", "tflops", "onMs", "offMs"} (2 n^3 floating-point operations
per matmul). It synchronises every 20 multiplications, so it stops within a few milliseconds of --seconds.
With --on-ms and --off-ms the load is a square wave: multiplications for on-ms, then idle for off-ms. A sensor
that samples only part of the time (Yang et al. 2024, see shared/reference/measurement-and-anchors.md) sees such a
load wrongly, while the energy counter should not.
"""
import argparse
import json
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--gpu", type=int, default=0)
    ap.add_argument("--n", type=int, default=8192)
    ap.add_argument("--on-ms", type=float, default=None, help="square wave: busy for this long (ms)")
    ap.add_argument("--off-ms", type=float, default=0.0, help="square wave: then idle for this long (ms)")
    args = ap.parse_args()
    if args.on_ms is not None and args.on_ms <= 0:
        ap.error("--on-ms must be positive")
    if args.off_ms < 0:
        ap.error("--off-ms must not be negative")
    dev = torch.device("cuda", args.gpu)
    a = torch.randn(args.n, args.n, device=dev, dtype=torch.float16)
    b = torch.randn(args.n, args.n, device=dev, dtype=torch.float16)
    torch.cuda.synchronize(dev)
    t0 = time.monotonic()
    count = 0
    burst_start = t0
    while time.monotonic() - t0 < args.seconds:
        for _ in range(20 if args.on_ms is None else 1):
            c = a @ b
        count += 20 if args.on_ms is None else 1
        torch.cuda.synchronize(dev)
        now = time.monotonic()
        if args.on_ms is not None and now - burst_start >= args.on_ms / 1000:
            time.sleep(max(0.0, min(args.off_ms / 1000, args.seconds - (now - t0))))
            burst_start = time.monotonic()
    elapsed = time.monotonic() - t0
    del c
    print(json.dumps({"matmuls": count, "n": args.n, "seconds": elapsed,
                      "tflops": 2 * args.n ** 3 * count / elapsed / 1e12,
                      "onMs": args.on_ms, "offMs": args.off_ms if args.on_ms is not None else None}))


if __name__ == "__main__":
    main()
