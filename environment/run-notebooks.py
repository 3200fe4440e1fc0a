#!/usr/bin/env python3
"""Executes notebooks headless with the `llm-energy` kernel and fails on any cell error.

The Java kernel from Maven Central sometimes never answers at start-up (1 start in 5 on a loaded 2-core machine).
The kernelspec that setup.sh writes runs it under environment/kernel-launcher.py, which restarts such a start
within the same start-up (so the start-up timeout here allows for its restarts); a start that still fails is
retried here once more. Only the kernel START is retried; a cell that fails is never re-run.
Executed copies go to --out (default out/notebooks); the sources stay clean.

Usage: run-notebooks.py [--out DIR] [--timeout SECONDS] notebook.ipynb...
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

START_TRIES = 2
# Longer than kernel-launcher.py's worst case (6 starts timed out after 10, 15, 22.5, 34, 51 and 76 s).
STARTUP_TIMEOUT_S = 240


def start_kernel(client, cwd, log):
    """Starts the kernel and waits until it answers; retries a start that hangs."""
    for attempt in range(1, START_TRIES + 1):
        client.km = client.create_kernel_manager()
        try:
            # The kernel's own log (class-path lines, channel INFO) goes to a file, not the CI output.
            client.start_new_kernel(cwd=cwd, stdout=log, stderr=log)
            client.start_new_kernel_client()
            return
        except Exception as e:  # the kernel never answered kernel_info, or died at start
            print(f"  kernel start {attempt}/{START_TRIES} failed: {e}", file=sys.stderr)
            try:
                client._cleanup_kernel()
            except Exception:
                pass
            client.km = None
            client.kc = None
            time.sleep(1)
    raise RuntimeError(f"the llm-energy kernel did not start in {START_TRIES} tries")


def count_outputs(nb):
    images = errors = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors += 1
            data = out.get("data", {})
            html = data.get("text/html", "")
            # a figure is a PNG output, or a figure with its caption (Figure.html(): an inline PNG in HTML)
            if "image/png" in data or "<img src=\"data:image/png" in ("".join(html) if isinstance(html, list) else html):
                images += 1
    return images, errors


def use_this_checkouts_kernel():
    """Puts this checkout's kernelspec (written by setup.sh) ahead of any user-wide `llm-energy` kernel, so a
    notebook runs against the toolkit of the checkout it belongs to."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    local = os.path.join(root, "environment", ".jupyter")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in [local, os.environ.get("JUPYTER_PATH", "")] if p)


def main():
    use_this_checkouts_kernel()
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="out/notebooks")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds per cell")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = []
    for path in args.notebooks:
        name = os.path.basename(path)
        print(f"executing {path}", file=sys.stderr)
        t0 = time.time()
        nb = nbformat.read(path, as_version=4)
        cwd = os.path.dirname(os.path.abspath(path))
        client = NotebookClient(nb, timeout=args.timeout, startup_timeout=STARTUP_TIMEOUT_S, kernel_name="llm-energy",
                                resources={"metadata": {"path": cwd}})
        log = open(os.path.join(args.out, name + ".kernel.log"), "w")
        try:
            start_kernel(client, cwd, log)
            client.execute()
        except CellExecutionError as e:
            failed.append(name)
            print(f"  FAILED: a cell raised an error:\n{e}", file=sys.stderr)
        except Exception as e:
            failed.append(name)
            print(f"  FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        finally:
            log.close()
            nbformat.write(nb, os.path.join(args.out, name))
        images, errors = count_outputs(nb)
        if errors and name not in failed:
            failed.append(name)
        print(f"  {name}: {time.time() - t0:.1f} s, {images} figure(s), {errors} error output(s)", file=sys.stderr)
    passed = len(args.notebooks) - len(failed)
    print(f"notebooks: {passed} passed, {len(failed)} failed")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
