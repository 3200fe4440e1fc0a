#!/usr/bin/env bash
# Tests environment/gpu-check.sh on a machine without a GPU: builds the bundle, then runs `gpu-check.sh run` with
# the bundle's own Java runtime against
#   - the project's fake NVML (toolkit/target/fake-nvml/libnvidia-ml.so.1, built by `mvn test`/`verify`),
#     scripted to a constant 300 W with a counter that advances every 100 ms;
#   - a fake nvidia-smi whose energy counter advances at the same 300 W (wall clock) and which knows the
#     power.draw.average/.instant fields;
#   - a fake `torch` module (on PYTHONPATH) under the real python3, so environment/gpu-load.py itself runs;
#   - a `java` on PATH that fails, to show the check never needs a system Java.
# Then checks the printed comparison: all three energies at 300 W mean power, the observed counter period near
# 100 ms, the integral's power quantity named, and the load's line present. CI runs it after `mvn verify`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fake_nvml=$root/toolkit/target/fake-nvml
[ -f "$fake_nvml/libnvidia-ml.so.1" ] || { echo "test-gpu-check: no fake NVML in $fake_nvml (run mvn test first)" >&2; exit 1; }
work=$(mktemp -d /tmp/llm-energy-gpu-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

bash "$root/environment/gpu-check.sh" build "$work/bundle"

mkdir -p "$work/bin" "$work/py/torch"
cat > "$work/bin/java" <<'EOF'
#!/bin/sh
echo "test-gpu-check: the system java was called: gpu-check.sh must use its bundled runtime" >&2
exit 99
EOF
cat > "$work/bin/nvidia-smi" <<'EOF'
#!/usr/bin/env bash
# fake nvidia-smi: --query-gpu=<fields> --format=csv,noheader,nounits [-lms N] -i <id>; a constant FAKE_SMI_W
# watts. FAKE_SMI_NO_ENERGY=1 rejects total_energy_consumption, as driver 580.159 does.
fields="" loop_ms=""
args=("$@")
for i in "${!args[@]}"; do case "${args[$i]}" in
  --query-gpu=*) fields=${args[$i]#--query-gpu=} ;;
  -lms) loop_ms=${args[$((i + 1))]} ;;
esac; done
[ -n "$loop_ms" ] && while true; do "$0" --query-gpu="$fields" || exit; sleep "$(awk -v m="$loop_ms" 'BEGIN {print m / 1000}')"; done
now_ns=$(date +%s%N)
out=()
IFS=, read -ra names <<< "$fields"
for f in "${names[@]}"; do
  case "$f" in
    timestamp) out+=("$(date '+%Y/%m/%d %H:%M:%S.%3N')") ;;
    index) out+=(0) ;;
    name) out+=("NVIDIA H100 80GB HBM3") ;;
    driver_version) out+=(550.54.15) ;;
    total_energy_consumption)
      [ "${FAKE_SMI_NO_ENERGY:-0}" = 1 ] && { echo "Field \"$f\" is not a valid field to query." >&2; exit 2; }
      out+=("$(awk -v ns="$now_ns" -v w="$FAKE_SMI_W" 'BEGIN {printf "%.0f", w * (ns / 1e6 % 1e9)}')") ;;
    power.draw|power.draw.average|power.draw.instant) out+=("$FAKE_SMI_W.00") ;;
    *) echo "Field \"$f\" is not a valid field to query." >&2; exit 2 ;;
  esac
done
(IFS=,; echo "${out[*]}" | sed 's/,/, /g')
EOF
cat > "$work/py/torch/__init__.py" <<'EOF'
"""A fake torch for test-gpu-check.sh: just enough for gpu-check.sh and gpu-load.py; a matmul takes 1 ms."""
import time

float16 = "float16"


class device:
    def __init__(self, kind, index=0):
        self.kind, self.index = kind, index


class _Tensor:
    def __matmul__(self, other):
        time.sleep(0.001)
        return self


def randn(*shape, device=None, dtype=None):
    return _Tensor()


class _Properties:
    uuid = "00000000-0000-0000-0000-000000000000"


class cuda:
    @staticmethod
    def is_available():
        return True

    @staticmethod
    def synchronize(dev=None):
        pass

    @staticmethod
    def get_device_properties(index):
        return _Properties()
EOF
chmod +x "$work/bin/java" "$work/bin/nvidia-smi"
printf 'driver 550.54.15\ndevice name="NVIDIA H100 80GB HBM3" power=0:300 period_ms=100 usage=average\n' > "$work/nvml-script"

report=$work/report.txt
PATH="$work/bin:$PATH" PYTHONPATH="$work/py" FAKE_SMI_W=300 FAKE_NVML_SCRIPT="$work/nvml-script" \
  LLM_ENERGY_JAVA_OPTS="-Djna.library.path=$fake_nvml" GPU_CHECK_SECONDS=3 GPU_CHECK_OUT="$work/out" \
  bash "$root/environment/gpu-check.sh" run "$work/bundle" | tee "$report"

python3 - "$report" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
problems = []

def mean_w(label):
    m = re.search(re.escape(label) + r"\s+([\d.]+) J\s+([\d.]+) s\s+([\d.]+) W", text)
    if not m:
        problems.append(f"no line for {label!r}")
        return None
    return float(m.group(3))

for label, tolerance in [("ours: NVML energy counter", 0.10), ("ours: power integral", 0.05),
                         ("nvidia-smi total_energy_consumption", 0.05),
                         ("nvidia-smi power.draw, 100 ms samples", 0.02)]:
    w = mean_w(label)
    if w is not None and abs(w - 300) > 300 * tolerance:
        problems.append(f"{label}: mean {w} W, expected 300 W within {tolerance:.0%}")
m = re.search(r"counter update period: ([\d.]+) ms", text)
if not m or not 90 <= float(m.group(1)) <= 110:
    problems.append("counter update period not near the fake's 100 ms: " + (m.group(0) if m else "missing"))
if "the integral used 'instant' power" not in text:
    problems.append("the power-sampling line does not name the integral's quantity 'instant'")
if not re.search(r"load: [1-9]\d* fp16 matmuls", text):
    problems.append("no load line with a positive matmul count")
if "power.draw.average 300.00 -> 300.00 W" not in text:
    problems.append("nvidia-smi's power.draw.average not shown")
if problems:
    print("test-gpu-check: FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
PY

# A driver without nvidia-smi's energy field (580.159 on an H200 rejects it): the check still runs, says so, and
# compares against nvidia-smi's own power samples.
report2=$work/report-no-energy.txt
PATH="$work/bin:$PATH" PYTHONPATH="$work/py" FAKE_SMI_W=300 FAKE_SMI_NO_ENERGY=1 FAKE_NVML_SCRIPT="$work/nvml-script" \
  LLM_ENERGY_JAVA_OPTS="-Djna.library.path=$fake_nvml" GPU_CHECK_SECONDS=2 GPU_CHECK_OUT="$work/out2" \
  bash "$root/environment/gpu-check.sh" run "$work/bundle" | tee "$report2"
grep -q "nvidia-smi total_energy_consumption .*(this nvidia-smi has no such field)" "$report2" \
  || { echo "test-gpu-check: FAILED: no 'no such field' line when nvidia-smi lacks total_energy_consumption" >&2; exit 1; }
grep -Eq "nvidia-smi power.draw, 100 ms samples +[0-9.]+ J" "$report2" \
  || { echo "test-gpu-check: FAILED: no nvidia-smi power.draw integral when the energy field is missing" >&2; exit 1; }
echo "test-gpu-check: passed: gpu-check.sh ran on its bundled runtime against the fake NVML, nvidia-smi and torch"
