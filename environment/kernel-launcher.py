#!/usr/bin/env python3
"""Starts a Jupyter kernel behind a small proxy and restarts it until it answers kernel_info.

Usage (the kernelspec's argv, as environment/setup.sh writes it):
  kernel-launcher.py --connection-file {connection_file} -- java ... -jar kernel.jar {connection_file}

Why: the Java kernel from Maven Central (rapaio-jupyter-kernel 3.0.1) hangs in 1 start in 5 here (20 of 100 on a
loaded 2-core machine; 3 of 12 in CI): a front end waits until its start-up timeout and reports a dead kernel; a
student sees a kernel that never starts. There are two ways it hangs. (1) A start-up race: Channels.connect binds
the sockets, which starts the shell thread, before it creates its handler map; a request arriving in that window
(the front end's first kernel_info, queued before the port exists, arrives the moment it is bound) throws a
NullPointerException that ends the shell thread. (2) Without any early request (a client that connects only after
the heartbeat answers), 4 starts in 40 still never handled a request, with every thread idle (a jstack shows the
shell loop polling): a fault inside the kernel, not a matter of timing we control. (2) needs a restart; (1) needs
no request to reach the kernel before it is ready, which a restart on the same ports does not give (the front
end's queued requests arrive at once), so the launcher sits between the two.

How: the launcher binds the front end's five ports itself (shell, control, stdin, heartbeat, iopub) and starts the
kernel command with a private connection file (same key, fresh ports). It waits for the kernel's heartbeat,
SETTLE_S more, then asks for kernel_info (re-sent each second). A reply within the start timeout means the kernel
is up: the launcher connects the front end's ports to the kernel's (zmq.proxy per channel, so requests that
waited are delivered now), then only waits for the kernel and exits with its exit code. No reply in time, or an
exit before replying, means a failed start: the kernel is killed and started again on new ports with a timeout
1.5 times as long (a slow machine is not a hung kernel), up to --tries starts; after the last, the launcher exits
with the kernel's code (a broken class path still fails, only --tries times over). A SIGTERM or SIGHUP is
forwarded to the kernel and ends all restarting; SIGINT (a signal-mode interrupt, sent by front ends to the whole
process group, so it reaches the kernel directly) leaves the launcher alone. The kernel dies with the launcher
(PR_SET_PDEATHSIG), so a front end killing the launcher never leaves a kernel behind. Its own lines go to stderr,
prefixed "kernel-launcher:". Nothing here is specific to rapaio: IJava or any kernel that speaks the Jupyter
protocol over TCP runs the same way (other transports run unproxied), so notebooks stay kernel-agnostic.

Environment: LLM_ENERGY_KERNEL_START_S (first start timeout in seconds, default 10),
LLM_ENERGY_KERNEL_START_TRIES (default 6; worst case 10+15+...+76 = 208 s before giving up).
"""
import argparse
import ctypes
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
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


def free_ports(ip, count):
    """`count` TCP ports free on `ip` now (bound together, then released, so they differ)."""
    socks = [socket.socket() for _ in range(count)]
    try:
        for s in socks:
            s.bind((ip, 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


class Proxy:
    """The front end's five ports, bound by the launcher, forwarded to the kernel's private ports once it answers.

    Until then the front end's requests wait in the launcher's sockets, so none reaches a kernel that is still
    starting (the race above), and a restarted kernel starts on fresh ports with nothing queued for it. Shell,
    control, stdin and heartbeat are ROUTER->DEALER pairs (the kernel sees the launcher's identity before the front
    end's, and replies route back through both); the shell and stdin DEALERs share one identity because a kernel
    addresses an input_request to the identities of the shell request it belongs to. IOPub is XPUB<-XSUB, which
    forwards subscriptions too."""

    PAIRS = {"shell": (zmq.ROUTER, zmq.DEALER), "control": (zmq.ROUTER, zmq.DEALER),
             "stdin": (zmq.ROUTER, zmq.DEALER), "hb": (zmq.ROUTER, zmq.DEALER), "iopub": (zmq.XPUB, zmq.XSUB)}

    def __init__(self, front):
        self.ctx = zmq.Context.instance()
        self.front = {}
        for channel, (kind, _) in self.PAIRS.items():
            sock = self.ctx.socket(kind)
            sock.setsockopt(zmq.LINGER, 0)
            sock.bind(f"tcp://{front['ip']}:{front[channel + '_port']}")
            self.front[channel] = sock

    def start(self, back):
        for channel, (_, kind) in self.PAIRS.items():
            sock = self.ctx.socket(kind)
            sock.setsockopt(zmq.LINGER, 0)
            if kind == zmq.DEALER:
                sock.setsockopt(zmq.IDENTITY, b"llm-energy-kernel-launcher")
            sock.connect(f"tcp://{back['ip']}:{back[channel + '_port']}")
            # Each pair is used by its own thread from here on.
            threading.Thread(target=zmq.proxy, args=(self.front[channel], sock), daemon=True,
                             name=f"proxy-{channel}").start()


def private_connection(front):
    """A connection file for the kernel: the front end's key and scheme, fresh ports. @return (path, info)"""
    info = dict(front)
    for channel, port in zip(Proxy.PAIRS, free_ports(front["ip"], len(Proxy.PAIRS))):
        info[channel + "_port"] = port
    fd, path = tempfile.mkstemp(prefix="kernel-launcher-", suffix=".json")
    with os.fdopen(fd, "w") as f:  # mkstemp makes it 0600: it holds the signing key
        json.dump(info, f)
    return path, info


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
    front = json.load(open(args.connection_file))
    # Proxy TCP connections; anything else (ipc) runs the kernel on the front end's own connection file.
    proxy = Proxy(front) if front.get("transport", "tcp") == "tcp" else None

    kernel = None
    private = None
    stopping = False  # a SIGTERM or SIGHUP came: the front end is ending the kernel, restart nothing

    def finish(code):
        if private:
            os.unlink(private)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # no interpreter shutdown: the proxy threads block in zmq.proxy for ever

    def forward(signum, _frame):
        nonlocal stopping
        stopping = True
        if kernel is not None and kernel.poll() is None:
            kernel.send_signal(signum)
        else:
            finish(128 + signum)

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
        if proxy:
            if private:
                os.unlink(private)
            private, back = private_connection(front)
            argv = [private if a == args.connection_file else a for a in command]
        else:
            private, back, argv = None, front, command
        kernel = subprocess.Popen(argv, preexec_fn=die_with_parent)
        ok = answered(kernel, private or args.connection_file, timeout)
        if ok:
            if proxy:
                proxy.start(back)
                os.unlink(private)  # read by the kernel at start; it holds the signing key
                private = None
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
        if stopping:
            finish(rc)
        if attempt == args.tries:
            say(f"giving up: {why} (start {attempt}/{args.tries}, the last)")
            finish(rc)
        say(f"restarting: {why} (start {attempt}/{args.tries}, pid {kernel.pid})")
        timeout *= 1.5
    while True:
        try:
            finish(exit_code(kernel.wait()))
        except InterruptedError:
            continue


if __name__ == "__main__":
    main()
