#!/usr/bin/env python3
"""Measures how reliably a Jupyter kernel starts: starts it N times, the way a notebook front end does
(jupyter_client's KernelManager, then kernel_info until it answers), and counts the starts that never answered.

Usage: kernel-starts.py [--kernel llm-energy] [--starts 100] [--timeout 20] [--out FILE.json]

A start is
  ok    the kernel answered kernel_info within --timeout seconds (the time to that answer is recorded),
  hung  it was still running but had not answered after --timeout seconds,
  died  its process exited before answering.
--timeout defaults to 20 s, the start-up timeout environment/run-notebooks.py gives nbclient. The kernel's own
output goes to a log per start; lines in it from environment/kernel-launcher.py saying it restarted an
unanswering kernel are counted, so a hang that the launcher hid is still visible in the figures.
The 1-minute load average is recorded with every start: the machine is shared, and start times depend on it.
Uses this checkout's kernelspec (environment/.jupyter, written by setup.sh) ahead of any user-wide one.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client import KernelManager

RESTART_MARK = "kernel-launcher: restarting"


def one_start(kernel, timeout, log_path):
    log = open(log_path, "w")
    km = KernelManager(kernel_name=kernel)
    load = os.getloadavg()[0]
    t0 = time.monotonic()
    outcome, seconds = "ok", None
    try:
        km.start_kernel(stdout=log, stderr=log)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            seconds = time.monotonic() - t0
        except RuntimeError:
            outcome = "hung" if km.is_alive() else "died"
        finally:
            kc.stop_channels()
    except Exception as e:  # the launch itself failed (bad kernelspec, missing java)
        outcome = "died"
        print(f"  start failed: {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        try:
            km.shutdown_kernel(now=True)
        except Exception:
            pass
        log.close()
    with open(log_path, errors="replace") as f:
        restarts = sum(RESTART_MARK in line for line in f)
    return {"outcome": outcome, "seconds": seconds, "load1": load, "launcherRestarts": restarts}


def summary(starts, timeout, kernel, argv):
    ok = [s["seconds"] for s in starts if s["outcome"] == "ok"]
    q = sorted(ok)
    pct = lambda p: q[min(len(q) - 1, int(p * len(q)))] if q else None
    loads = [s["load1"] for s in starts]
    return {
        "kernel": kernel, "argv": argv, "timeoutS": timeout, "starts": len(starts),
        "ok": len(ok), "hung": sum(s["outcome"] == "hung" for s in starts),
        "died": sum(s["outcome"] == "died" for s in starts),
        "startsWithLauncherRestarts": sum(s["launcherRestarts"] > 0 for s in starts),
        "launcherRestarts": sum(s["launcherRestarts"] for s in starts),
        "secondsToReady": {"median": statistics.median(q) if q else None, "p90": pct(0.9), "max": q[-1] if q else None},
        "load1": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
        "cpus": os.cpu_count(),
    }


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in [os.path.join(root, "environment", ".jupyter"), os.environ.get("JUPYTER_PATH", "")] if p)
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="llm-energy")
    ap.add_argument("--starts", type=int, default=100)
    ap.add_argument("--timeout", type=float, default=20, help="seconds a start may take to answer kernel_info")
    ap.add_argument("--out", help="write every start and the summary here as JSON")
    args = ap.parse_args()
    logs = tempfile.mkdtemp(prefix="kernel-starts-")
    argv = KernelManager(kernel_name=args.kernel).kernel_spec.argv
    starts = []
    for i in range(1, args.starts + 1):
        s = one_start(args.kernel, args.timeout, os.path.join(logs, f"start-{i}.log"))
        starts.append(s)
        t = f"{s['seconds']:.1f} s" if s["seconds"] is not None else f"> {args.timeout:g} s"
        print(f"start {i}/{args.starts}: {s['outcome']} {t}, load {s['load1']:.2f}"
              + (f", launcher restarts {s['launcherRestarts']}" if s["launcherRestarts"] else ""), file=sys.stderr)
    result = summary(starts, args.timeout, args.kernel, argv)
    result["logs"] = logs
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"summary": result, "starts": starts}, f, indent=1)
    print(json.dumps(result, indent=1))
    sys.exit(0 if result["ok"] == result["starts"] else 1)


if __name__ == "__main__":
    main()
