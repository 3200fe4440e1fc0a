#!/usr/bin/env python3
"""Tests environment/kernel-launcher.py with a fake kernel, through jupyter_client as a notebook front end uses it.

The fake kernel (this file with --fake-kernel) behaves like the Java kernel's start-up race: on its first start it
binds its ports and echoes heartbeats but never answers on the shell socket; on later starts it answers
kernel_info and shutdown_request. With --exit N it exits with code N at once instead.
Checks:
  1. a hung first start: the front end still gets its kernel_info reply, the launcher restarted exactly once,
     the hung process is gone, and a shutdown_request ends the launcher with the kernel's exit code 0;
  2. a kernel that always exits before answering is started --tries (3) times, then the front end sees it die and
     the launcher exits with the kernel's code 3.
Run by .ci/run after setup.sh (it needs jupyter_client and pyzmq): python3 environment/test-kernel-launcher.py
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def fake_kernel(connection_file, state_file, exit_code):
    import zmq
    from jupyter_client.session import Session

    with open(state_file, "a+") as f:
        f.seek(0)
        starts = len(f.read().splitlines()) + 1
        f.write(f"{os.getpid()}\n")
    if exit_code is not None:
        sys.exit(exit_code)
    info = json.load(open(connection_file))
    url = lambda port: f"{info['transport']}://{info['ip']}:{info[port]}"
    ctx = zmq.Context()
    hb = ctx.socket(zmq.REP)
    hb.bind(url("hb_port"))
    threading.Thread(target=lambda: zmq.proxy(hb, hb), daemon=True).start()  # echo, as kernels do
    shell, control, stdin = (ctx.socket(zmq.ROUTER) for _ in range(3))
    iopub = ctx.socket(zmq.PUB)
    for sock, port in ((shell, "shell_port"), (control, "control_port"), (stdin, "stdin_port"), (iopub, "iopub_port")):
        sock.bind(url(port))
    if starts == 1:
        time.sleep(3600)  # the hung start: ports bound, shell never read
    session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
    poller = zmq.Poller()
    poller.register(shell, zmq.POLLIN)
    poller.register(control, zmq.POLLIN)
    while True:
        for sock, _ in poller.poll():
            idents, msg = session.recv(sock, mode=0)
            kind = msg["header"]["msg_type"]
            session.send(iopub, "status", {"execution_state": "busy"}, parent=msg)
            if kind == "kernel_info_request":
                session.send(sock, "kernel_info_reply", {
                    "status": "ok", "protocol_version": "5.3", "implementation": "fake", "implementation_version": "1",
                    "language_info": {"name": "java", "version": "17", "file_extension": ".java"},
                    "banner": "fake kernel"}, parent=msg, ident=idents)
            session.send(iopub, "status", {"execution_state": "idle"}, parent=msg)
            if kind == "shutdown_request":
                session.send(sock, "shutdown_reply", {"status": "ok", "restart": False}, parent=msg, ident=idents)
                time.sleep(0.1)
                sys.exit(0)


def kernelspec(home, name, extra):
    spec = os.path.join(home, "kernels", name)
    os.makedirs(spec)
    argv = [sys.executable, os.path.join(HERE, "kernel-launcher.py"), "--connection-file", "{connection_file}",
            "--timeout", "3", "--tries", "3", "--", sys.executable, os.path.abspath(__file__), "--fake-kernel",
            "{connection_file}"] + extra
    json.dump({"argv": argv, "display_name": name, "language": "java", "interrupt_mode": "message"}, open(os.path.join(spec, "kernel.json"), "w"))


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(")")[-1].split()[0] != "Z"


def main():
    from jupyter_client import KernelManager

    failures = []
    check = lambda ok, what: ok or failures.append(what)
    with tempfile.TemporaryDirectory() as home:
        os.environ["JUPYTER_PATH"] = home
        state = os.path.join(home, "starts")
        log_path = os.path.join(home, "launcher.log")
        kernelspec(home, "hangs-once", [state])
        kernelspec(home, "exits", [state, "--exit", "3"])

        # 1. a hung first start is restarted; the front end does not notice
        with open(log_path, "w") as log:
            km = KernelManager(kernel_name="hangs-once")
            km.start_kernel(stdout=log, stderr=log)
            kc = km.client()
            kc.start_channels()
            t0 = time.monotonic()
            try:
                kc.wait_for_ready(timeout=60)
                check(True, "")
            except RuntimeError as e:
                check(False, f"hangs-once: the front end got no kernel_info reply: {e}")
            ready_s = time.monotonic() - t0
            kc.stop_channels()
            launcher = km.provisioner.process if hasattr(km, "provisioner") else km.kernel
            km.shutdown_kernel(now=False)
            try:
                code = launcher.wait(timeout=10)
            except subprocess.TimeoutExpired:
                code = None
        text = open(log_path).read()
        pids = [int(p) for p in open(state).read().split()]
        check(text.count("kernel-launcher: restarting") == 1, f"hangs-once: expected one restart, log:\n{text}")
        check(len(pids) == 2, f"hangs-once: expected 2 kernel starts, got {pids}")
        check(not any(alive(p) for p in pids), f"hangs-once: a kernel process outlived the shutdown: {pids}")
        check(code == 0, f"hangs-once: the launcher exited {code}, expected the kernel's 0 after shutdown_request")

        # 2. a kernel that always dies before answering is tried 3 times, then its exit code is passed on
        os.remove(state)
        with open(log_path, "w") as log:
            km = KernelManager(kernel_name="exits")
            km.start_kernel(stdout=log, stderr=log)
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                check(False, "exits: wait_for_ready succeeded for a kernel that exited")
            except RuntimeError as e:
                check("died" in str(e), f"exits: expected 'Kernel died', got {e}")
            kc.stop_channels()
            launcher = km.provisioner.process if hasattr(km, "provisioner") else km.kernel
            code = launcher.wait(timeout=10)
            km.cleanup_resources()
        text = open(log_path).read()
        starts = open(state).read().split()
        check(code == 3, f"exits: the launcher exited {code}, expected the kernel's 3")
        check(len(starts) == 3, f"exits: expected 3 starts (--tries 3), got {len(starts)}")
        check(text.count("kernel-launcher: restarting") == 2 and "giving up" in text, f"exits: log:\n{text}")

    if failures:
        print("test-kernel-launcher: FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"test-kernel-launcher: passed: a hung start was restarted once (front end ready after {ready_s:.1f} s), "
          "shutdown ended it with code 0, and a kernel that always exited early was tried 3 times and its code kept")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--fake-kernel":
        rest = sys.argv[2:]
        code = int(rest[rest.index("--exit") + 1]) if "--exit" in rest else None
        fake_kernel(rest[0], rest[1], code)
    else:
        main()
