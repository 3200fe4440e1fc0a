#!/usr/bin/env python3
"""Starts a Jupyter kernel and restarts it, on the same connection file, when it does not answer kernel_info.

Usage (the kernelspec's argv, as environment/setup.sh writes it):
  kernel-launcher.py --connection-file {connection_file} -- java ... -jar kernel.jar {connection_file}

Why: the Java kernel from Maven Central (rapaio-jupyter-kernel 3.0.1) hangs in 1 start in 5 here (20 of 100 on a loaded
2-core machine; 3 of 12 in CI): a front end waits until its start-up timeout and reports a dead kernel; a student sees a kernel that never
starts. The cause is a start-up race in the kernel: Channels.connect binds the sockets, which starts the shell
thread, before it creates its handler map; a request arriving in that window (the front end's first kernel_info,
queued before the port exists, arrives the moment it is bound) throws a NullPointerException that ends the shell
thread, and the kernel never answers again. The other hung starts print nothing and never handle a request either.
Restarting the kernel on the same ports cures it: front ends (jupyter_client's wait_for_ready) resend
kernel_info every second and their ZeroMQ sockets reconnect to the new process by themselves, so neither the
front end nor the notebook knows anything happened; each start loses the race independently.

How: the launcher starts the kernel command, waits for its heartbeat (its sockets are bound) and SETTLE_S more,
then asks it for kernel_info on its shell port as a second client (re-sent each second). A reply within the start
timeout means the kernel is up: the launcher then only waits for it, forwarding SIGTERM and SIGHUP (a SIGINT
reaches the kernel through the process group), and exits with its exit code. No reply in time means a hung start:
the kernel is killed and started again, with a timeout 1.5 times as long (a slow machine is not a hung kernel), up
to --tries starts. A kernel that exits with an error before it answers is started again too; after the last try
the launcher exits with the kernel's code, so a broken class path still fails, only --tries times over. An exit
with code 0, or any exit after a SIGTERM or SIGHUP, is a shutdown (a front end may have been answered and ended the
kernel while the probe waited): the launcher exits with that code and restarts nothing. Its own lines go to stderr, prefixed "kernel-launcher:". It works for any
kernel that speaks the Jupyter protocol (IJava as well as rapaio), so notebooks stay kernel-agnostic. The kernel
dies with the launcher (PR_SET_PDEATHSIG), so a front end killing the launcher never leaves a kernel behind.

Environment: LLM_ENERGY_KERNEL_START_S (first start timeout in seconds, default 10),
LLM_ENERGY_KERNEL_START_TRIES (default 6; worst case 10+15+...+76 = 208 s before giving up).
"""
import argparse
import ctypes
import os
import queue
import signal
import subprocess
import sys
import time

import zmq
from jupyter_client import BlockingKernelClient

PR_SET_PDEATHSIG = 1
SETTLE_S = 1.0


def say(text):
    print(f"kernel-launcher: {text}", file=sys.stderr, flush=True)


def die_with_parent():
    """Runs in the child before exec: SIGKILL it when the launcher dies, however the launcher dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def heartbeat(kernel, info, deadline):
    """Waits until the kernel echoes on its heartbeat port (its sockets are bound); False at the deadline."""
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    try:
        sock.send(b"llm-energy-launcher")
        while time.monotonic() < deadline and kernel.poll() is None:
            if sock.poll(200):
                sock.recv()
                return True
        return False
    finally:
        sock.close()


def answered(kernel, connection_file, timeout):
    """Asks the kernel for kernel_info until it replies (True), it exits, or `timeout` seconds pass (False).

    The first request waits for the heartbeat and then SETTLE_S more: a request that reaches rapaio's shell
    socket before the kernel has registered its handlers is dropped, or kills the shell thread, so the probe
    must not be the request that does that."""
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    deadline = time.monotonic() + timeout
    if not heartbeat(kernel, client.get_connection_info(), deadline):
        return False
    settle = min(deadline, time.monotonic() + SETTLE_S)
    while time.monotonic() < settle and kernel.poll() is None:
        time.sleep(0.05)
    client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
    try:
        while time.monotonic() < deadline and kernel.poll() is None:
            client.kernel_info()
            resend = time.monotonic() + 1
            while time.monotonic() < min(resend, deadline) and kernel.poll() is None:
                try:
                    reply = client.get_shell_msg(timeout=0.2)
                except queue.Empty:
                    continue
                if reply["msg_type"] == "kernel_info_reply":
                    return True
        return False
    finally:
        client.stop_channels()


def exit_code(rc):
    return 128 - rc if rc < 0 else rc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--connection-file", required=True)
    ap.add_argument("--timeout", type=float, default=float(os.environ.get("LLM_ENERGY_KERNEL_START_S", "10")),
                    help="seconds the first start may take to answer kernel_info (x1.5 on each restart)")
    ap.add_argument("--tries", type=int, default=int(os.environ.get("LLM_ENERGY_KERNEL_START_TRIES", "6")))
    ap.add_argument("kernel", nargs=argparse.REMAINDER, help="-- then the kernel's command line")
    args = ap.parse_args()
    command = args.kernel[1:] if args.kernel[:1] == ["--"] else args.kernel
    if not command:
        ap.error("no kernel command after --")

    kernel = None
    stopping = False  # a SIGTERM or SIGHUP came: the front end is ending the kernel, restart nothing

    def forward(signum, _frame):
        nonlocal stopping
        stopping = True
        if kernel is not None and kernel.poll() is None:
            kernel.send_signal(signum)
        else:
            sys.exit(128 + signum)

    # The kernel shares the launcher's process group, and front ends signal the whole group (jupyter_client's
    # killpg): SIGINT, a signal-mode kernel's interrupt, reaches the kernel without us and must not end the
    # launcher; SIGTERM and SIGHUP are forwarded too, for senders that signal only the launcher. A no-op handler,
    # not SIG_IGN, because an ignored signal would stay ignored in the kernel after exec.
    signal.signal(signal.SIGINT, lambda _signum, _frame: None)
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, forward)

    timeout = args.timeout
    for attempt in range(1, args.tries + 1):
        t0 = time.monotonic()
        kernel = subprocess.Popen(command, preexec_fn=die_with_parent)
        try:
            ok = answered(kernel, args.connection_file, timeout)
        except Exception as e:  # a connection file we cannot read: let the kernel run unprobed
            say(f"cannot probe the kernel ({type(e).__name__}: {e}); not watching its start")
            ok = True
        if ok:
            if attempt > 1:
                say(f"kernel answered on start {attempt} after {time.monotonic() - t0:.1f} s")
            break
        if kernel.poll() is None:
            why = f"no kernel_info reply in {timeout:g} s"
            kernel.kill()
            kernel.wait()
            rc = 1
        else:
            why = f"the kernel exited with code {kernel.returncode} before answering kernel_info"
            rc = exit_code(kernel.returncode)
            # Code 0 is a shutdown: the front end may have been answered and asked for it while we waited.
            if kernel.returncode == 0 or stopping:
                say(f"{why}; not restarting it (a shutdown or a signal ended it)")
                sys.exit(rc)
        if stopping:
            sys.exit(rc)
        if attempt == args.tries:
            say(f"giving up: {why} (start {attempt}/{args.tries}, the last)")
            sys.exit(rc)
        say(f"restarting: {why} (start {attempt}/{args.tries}, pid {kernel.pid})")
        timeout *= 1.5
    while True:
        try:
            sys.exit(exit_code(kernel.wait()))
        except InterruptedError:
            continue


if __name__ == "__main__":
    main()
