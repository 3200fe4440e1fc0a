#!/usr/bin/env python3
"""A steady GPU load for environment/gpu-check.sh: fp16 matrix multiplications on one CUDA device for a given time.

Usage: gpu-load.py [--seconds 20] [--gpu 0] [--n 8192]

Prints one JSON line: {"matmuls", "n", "seconds", "tflops"} (2 n^3 floating-point operations per matmul).
It synchronises every 20 multiplications, so it stops within a few milliseconds of --seconds.
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
    args = ap.parse_args()
    dev = torch.device("cuda", args.gpu)
    a = torch.randn(args.n, args.n, device=dev, dtype=torch.float16)
    b = torch.randn(args.n, args.n, device=dev, dtype=torch.float16)
    torch.cuda.synchronize(dev)
    t0 = time.monotonic()
    count = 0
    while time.monotonic() - t0 < args.seconds:
        for _ in range(20):
            c = a @ b
        count += 20
        torch.cuda.synchronize(dev)
    elapsed = time.monotonic() - t0
    del c
    print(json.dumps({"matmuls": count, "n": args.n, "seconds": elapsed,
                      "tflops": 2 * args.n ** 3 * count / elapsed / 1e12}))


if __name__ == "__main__":
    main()
