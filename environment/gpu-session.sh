#!/usr/bin/env bash
# One prepared run for a lent GPU machine (15 minutes of device time, no Java there): everything the project
# wants to know about the real NVML, in about 3 minutes, written under OUT (default out/gpu-session).
#
#   here:  environment/gpu-check.sh build            (the jlink runtime and jars, out/gpu-check/bundle)
#   there: environment/gpu-session.sh [OUT]          (carry out/gpu-check/bundle with the checkout)
#
# 1. the machine: nvidia-smi, its power section, PyTorch's version;
# 2. nvml-poll.py at idle (5 s): each reading's update period from outside the toolkit;
# 3. gpu-check.sh run, steady fp16 matmuls (20 s): our counter, our power integral, nvidia-smi;
# 4. gpu-check.sh run, square waves of 100 ms on / 400 ms off and 25 on / 75 off (20 s each): where part-time
#    sampling would show (the second has the counter's own 100-ms period, so a sensor locked to it would alias),
#    and the second again with a 2 % disagreement threshold (check-wave100-strict);
# 5. nvml-poll.py during the steady load and during a 50/200 ms square wave (10 s each);
# 6. llm-energy measure --meter nvml around 10 s of idle.
# A step that fails is reported and the rest still run; the exit status counts the failed steps.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(readlink -m "${1:-$root/out/gpu-session}")
py=${GPU_CHECK_PYTHON:-python3}
bundle=${GPU_CHECK_BUNDLE:-$root/out/gpu-check/bundle}
mkdir -p "$out"
failed=0
only=${GPU_SESSION_STEPS:-}   # e.g. "check-steady check-wave": run only these steps
step() {  # step NAME COMMAND...: runs it, keeps its output in OUT/NAME.txt, shows it
  local name=$1; shift
  [ -z "$only" ] || [[ " $only " == *" $name "* ]] || return 0
  echo "=== $name: $*"
  local t0=$SECONDS
  if "$@" >"$out/$name.txt" 2>&1; then echo "--- $name ok in $((SECONDS - t0)) s"; else
    echo "--- $name FAILED (exit $?) in $((SECONDS - t0)) s"; failed=$((failed + 1)); fi
  cat "$out/$name.txt"
}
step machine bash -c "nvidia-smi; nvidia-smi -q -d POWER | head -n 40; $py -c 'import torch; print(\"torch\", torch.__version__, \"cuda\", torch.version.cuda)'"
step poll-idle "$py" "$root/environment/nvml-poll.py" --seconds 5
GPU_CHECK_OUT=$out/check-steady step check-steady "$root/environment/gpu-check.sh" run "$bundle"
GPU_CHECK_OUT=$out/check-wave GPU_CHECK_LOAD_ARGS="--on-ms 100 --off-ms 400" \
  step check-wave "$root/environment/gpu-check.sh" run "$bundle"
GPU_CHECK_OUT=$out/check-wave100 GPU_CHECK_LOAD_ARGS="--on-ms 25 --off-ms 75" \
  step check-wave100 "$root/environment/gpu-check.sh" run "$bundle"
# The same wave with a 2 % disagreement threshold: where the 1-s average has to arbitrate (instant-power-aliased).
GPU_CHECK_OUT=$out/check-wave100-strict GPU_CHECK_LOAD_ARGS="--on-ms 25 --off-ms 75" GPU_CHECK_THRESHOLD=0.02 \
  step check-wave100-strict "$root/environment/gpu-check.sh" run "$bundle"
step poll-steady "$py" "$root/environment/nvml-poll.py" --during "$py" "$root/environment/gpu-load.py" --seconds 10
step poll-wave "$py" "$root/environment/nvml-poll.py" --during "$py" "$root/environment/gpu-load.py" --seconds 10 --on-ms 50 --off-ms 200
step measure-idle "$bundle/runtime/bin/java" -Djava.awt.headless=true -cp "$bundle/lib/*" org.llmenergy.cli.Main \
  measure --meter nvml --series --format json --out "$out/measure-idle.json" -- sleep 10
# One archive as well: a lent machine may send back only a few files.
tar -czf "$out.tar.gz" -C "$(dirname "$out")" "$(basename "$out")"
echo "gpu-session: $failed step(s) failed; outputs in $out and $out.tar.gz"
exit "$failed"
