#!/usr/bin/env bash
# Checks our NVML meter against nvidia-smi on a machine with an NVIDIA GPU and a Python PyTorch but no Java.
#
#   environment/gpu-check.sh build [BUNDLE]    here (JDK 17 + Maven): a jlink runtime and the toolkit's jars
#   environment/gpu-check.sh run   [BUNDLE]    there: measure a PyTorch matmul load, print the comparison
#
# BUNDLE defaults to out/gpu-check/bundle (git-ignored; carry it to the GPU machine with the checkout).
#
# build: packages the toolkit (mvn -DskipTests package), copies its jar and the runtime jars that `measure` needs
#   into BUNDLE/lib, leaving out what only inference and tables need (DJL's CPU libtorch, the tokenizers'
#   natives, Tablesaw's fastutil and icu4j: 168 of 188 MB), links a Java runtime with the modules `measure` uses
#   into BUNDLE/runtime (stripped, compressed), and runs `measure` with it once. It prints the size; the goal is
#   under 64 MiB, the most a session may carry to a GPU machine: about 55 MiB (runtime 35, jars 20).
# run: reads nvidia-smi's energy counter and power draw, runs `llm-energy measure --meter nvml --series` around
#   environment/gpu-load.py (fp16 matmuls for GPU_CHECK_SECONDS, default 20), reads nvidia-smi again, and prints
#   side by side: our NVML energy counter, our power integral, nvidia-smi's counter difference, each with its
#   window and mean power, then the counter's update period and the power-sampling semantics found (which power
#   quantity NVML gave and the integral used; nvidia-smi's power.draw, and power.draw.average/.instant where the
#   driver has them). nvidia-smi is read inside the measured command, right before and after the load, so its
#   window lies within ours; the difference is two nvidia-smi calls at low load and the Python start (stated in
#   the output). The whole measurement JSON and nvidia-smi's readings are kept in out/gpu-check/.
#
# Environment: GPU_CHECK_SECONDS (20), GPU_CHECK_GPU (CUDA ordinal, 0), GPU_CHECK_PYTHON (python3),
# GPU_CHECK_LOAD_ARGS (more gpu-load.py options, e.g. "--on-ms 100 --off-ms 400" for a square-wave load),
# GPU_CHECK_THRESHOLD (measure's --disagreement-threshold, 0.10),
# GPU_CHECK_OUT (out/gpu-check), LLM_ENERGY_JAVA_OPTS (extra JVM options, e.g. -Djna.library.path=... for tests).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
bundle=$(readlink -m "${2:-$root/out/gpu-check/bundle}")
say() { echo "gpu-check: $*" >&2; }
die() { echo "gpu-check: $*" >&2; exit 1; }

build() {
  command -v jlink >/dev/null && command -v jdeps >/dev/null || die "build needs a JDK 17 (jlink, jdeps); run it where Java is"
  say "packaging the toolkit"
  (cd "$root" && mvn -q -B -pl toolkit -am -DskipTests package) || die "mvn package failed"
  local jar
  jar=$(ls "$root"/toolkit/target/llm-energy-toolkit-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1)
  [ -n "$jar" ] || die "no toolkit jar in toolkit/target"
  rm -rf "$bundle"
  mkdir -p "$bundle/lib"
  cp "$jar" "$bundle/lib/"
  local j kept=0 left=()
  while IFS= read -r j || [ -n "$j" ]; do   # classpath.txt has no final newline
    [ -n "$j" ] || continue
    case "$(basename "$j")" in
      # Not used by `measure`: CPU libtorch (a GPU run needs a CUDA one anyway, see GPU.md), tokenizer natives,
      # and the collections and Unicode tables Tablesaw uses to build tables.
      pytorch-native-cpu-*|tokenizers-*|fastutil-*|icu4j-*) left+=("$(basename "$j")") ;;
      *) cp "$j" "$bundle/lib/"; kept=$((kept + 1)) ;;
    esac
  done < <(tr ':' '\n' < "$root/toolkit/target/classpath.txt")
  say "jars: the toolkit and $kept dependencies; left out: ${left[*]}"
  # What `measure` uses, and no more: java.desktop (charts) and java.net.http (downloads) alone would add 15 MB.
  # java.logging: JNA; java.sql: Jackson's optional date types; jdk.unsupported: sun.misc.Unsafe in JNA and
  # Guava; java.management and jdk.management: the CPU-time readings. The smoke test below runs `measure`.
  local modules=java.base,java.logging,java.management,jdk.management,java.sql,jdk.unsupported
  say "linking a runtime with $modules"
  jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
        --output "$bundle/runtime" || die "jlink failed"
  # Debian's JDK ships libjvm.so with its symbol table (23 MB; 20 MB stripped).
  if command -v strip >/dev/null; then find "$bundle/runtime" -name '*.so' -exec strip --strip-unneeded {} +; fi
  cat > "$bundle/README" <<EOF
llm-energy measuring bundle, built $(date -u +%Y-%m-%dT%H:%M:%SZ) from $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo "an unknown commit")
runtime/  a Java $("$bundle/runtime/bin/java" -version 2>&1 | head -n 1 | sed 's/.*version "\(.*\)".*/\1/') runtime (jlink; modules: $modules)
lib/      the toolkit and the jars \`llm-energy measure\` needs
Run: environment/gpu-check.sh run $bundle
EOF
  "$bundle/runtime/bin/java" -cp "$bundle/lib/*" org.llmenergy.cli.Main measure --meter cpu-estimate \
    --format json -- true >/dev/null 2>"$bundle/smoke.log" \
    || { cat "$bundle/smoke.log" >&2; die "the bundle cannot run 'measure' (above): $bundle"; }
  rm -f "$bundle/smoke.log"
  local bytes
  bytes=$(du -sb "$bundle" | cut -f1)
  say "bundle: $bundle, $(awk -v b="$bytes" 'BEGIN {printf "%.1f MiB", b / 1048576}') (runtime $(du -sh "$bundle/runtime" | cut -f1), jars $(du -sh "$bundle/lib" | cut -f1))"
  [ "$bytes" -le $((64 * 1048576)) ] || say "WARNING: over 64 MiB, too large to carry to a GPU machine"
}

smi_fields="timestamp,index,name,driver_version,power.draw"
# Not every driver knows these: 580.159 rejects total_energy_consumption ("not a valid field to query", exit 2),
# older ones lack the power.draw.average/.instant pair. Each is asked for alone and kept only if accepted.
smi_optional="total_energy_consumption power.draw.average power.draw.instant"

run() {
  local java=$bundle/runtime/bin/java
  [ -x "$java" ] || die "no bundle at $bundle: run 'environment/gpu-check.sh build' where Java is, and carry $bundle"
  command -v nvidia-smi >/dev/null || die "nvidia-smi not found: this check needs an NVIDIA GPU and its driver"
  local py=${GPU_CHECK_PYTHON:-python3} gpu=${GPU_CHECK_GPU:-0} seconds=${GPU_CHECK_SECONDS:-20}
  local out=${GPU_CHECK_OUT:-$root/out/gpu-check}
  mkdir -p "$out"
  "$py" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 3)' \
    || die "$py has no PyTorch with CUDA (set GPU_CHECK_PYTHON to one that has)"
  # nvidia-smi enumerates GPUs in PCI order, CUDA by default fastest first: select by UUID, taken from torch.
  local uuid
  uuid=$("$py" -c "import torch; u = getattr(torch.cuda.get_device_properties($gpu), 'uuid', None); u = str(u) if u else ''; print(u if not u or u.startswith('GPU-') else 'GPU-' + u)")
  local smi_id=${uuid:-$gpu}
  # The extra power fields exist only in newer drivers; ask once whether this one knows them.
  local fields=$smi_fields f dropped=()
  for f in $smi_optional; do
    if nvidia-smi --query-gpu="$f" --format=csv,noheader,nounits -i "$smi_id" >/dev/null 2>&1; then fields+=",$f"
    else dropped+=("$f"); fi
  done
  [ ${#dropped[@]} -eq 0 ] || say "this nvidia-smi does not know: ${dropped[*]}"
  # nvidia-smi's own power samples every 100 ms across the load: an integral independent of our sampler.
  local series_fields=timestamp,power.draw
  [[ ",$fields," == *",power.draw.instant,"* ]] && series_fields+=",power.draw.instant"
  rm -f "$out/smi-before.csv" "$out/smi-after.csv" "$out/smi-series.csv" "$out/measurement.json" "$out/load.json"
  # The measured command reads nvidia-smi right before and after the load, so its window lies within ours.
  local cmd
  cmd="nvidia-smi --query-gpu=$series_fields --format=csv,noheader,nounits -lms 100 -i $smi_id > '$out/smi-series.csv' & smi=\$!;"
  cmd+=" nvidia-smi --query-gpu=$fields --format=csv,noheader,nounits -i $smi_id > '$out/smi-before.csv'"
  cmd+=" && '$py' '$root/environment/gpu-load.py' --seconds $seconds --gpu $gpu ${GPU_CHECK_LOAD_ARGS:-} > '$out/load.json'"
  cmd+=" && nvidia-smi --query-gpu=$fields --format=csv,noheader,nounits -i $smi_id > '$out/smi-after.csv';"
  cmd+=" rc=\$?; kill \$smi; wait \$smi 2>/dev/null; exit \$rc"
  say "measuring ${seconds} s of fp16 matmuls on CUDA device $gpu (nvidia-smi id $smi_id)"
  # shellcheck disable=SC2086
  "$java" ${LLM_ENERGY_JAVA_OPTS:-} -Djava.awt.headless=true -cp "$bundle/lib/*" org.llmenergy.cli.Main \
    measure --meter nvml --gpus "$gpu" --series --disagreement-threshold "${GPU_CHECK_THRESHOLD:-0.10}" --format json --out "$out/measurement.json" -- bash -c "$cmd" \
    >"$out/measure.stdout" 2>"$out/measure.stderr" || { cat "$out/measure.stderr" >&2; die "llm-energy measure failed (above)"; }
  "$py" - "$out" "$fields" "$series_fields" <<'PY'
import csv, datetime, json, os, sys
out, fields, series_fields = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")

def smi_rows(path, names):
    """nvidia-smi readings; each one's time is nvidia-smi's own timestamp field (local time, ms)."""
    rows = []
    for row in csv.reader([l for l in open(path).read().splitlines() if l.strip()], skipinitialspace=True):
        values = dict(zip(names, row))
        try:
            stamp = datetime.datetime.strptime(values["timestamp"], "%Y/%m/%d %H:%M:%S.%f").timestamp()
        except (KeyError, ValueError):
            continue  # a line cut short when the sampler was stopped
        rows.append((stamp, values))
    return rows


def smi(path):
    return smi_rows(path, fields)[0]

def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None  # "[N/A]" or "[Not Supported]": nvidia-smi has no reading

t0, before = smi(os.path.join(out, "smi-before.csv"))
t1, after = smi(os.path.join(out, "smi-after.csv"))
m = json.load(open(os.path.join(out, "measurement.json")))
load = json.load(open(os.path.join(out, "load.json")))
dev = m["devices"][0]
counter, integral = dev.get("counter") or {}, dev.get("powerIntegral") or {}
ours_s = m["durationS"]
samples = [(t, v) for t, v in smi_rows(os.path.join(out, "smi-series.csv"), series_fields) if t0 <= t <= t1]


def smi_integral(field):
    """Trapezoids over nvidia-smi's own 100-ms samples inside [t0, t1]: (joules, seconds covered)."""
    pts = [(t, num(v.get(field))) for t, v in samples]
    pts = [(t, w) for t, w in pts if w is not None]
    if len(pts) < 2:
        return None, 0.0
    return sum((b[0] - a[0]) * (a[1] + b[1]) / 2 for a, b in zip(pts, pts[1:])), pts[-1][0] - pts[0][0]


e0, e1 = num(before.get("total_energy_consumption")), num(after.get("total_energy_consumption"))
smi_j = (e1 - e0) / 1000 if e0 is not None and e1 is not None else None  # nvidia-smi reports mJ
smi_s = t1 - t0

def row(label, joules, seconds, note=""):
    j = f"{joules:12.1f}" if joules is not None else f"{'n/a':>12}"
    w = f"{joules / seconds:9.1f}" if joules is not None and seconds else f"{'n/a':>9}"
    print(f"  {label:<46}{j} J {seconds:8.2f} s {w} W  {note}")

print(f"gpu-check: {dev['details'].get('name')} ({dev['details'].get('uuid')}), driver {m['provenance'].get('driver')}")
wave = f", square wave {load['onMs']:g} ms on / {load['offMs']:g} ms off" if load.get("onMs") else ""
print(f"  load: {load['matmuls']} fp16 matmuls {load['n']}x{load['n']} in {load['seconds']:.1f} s, {load['tflops']:.1f} TFLOP/s{wave}")
print(f"  {'':<46}{'energy':>12}   {'window':>8}   {'mean':>9}")
row("ours: NVML energy counter", counter.get("joules"), ours_s,
    "" if counter.get("joules") is not None else counter.get("unavailableReason") or "")
row("ours: power integral", integral.get("joules"), ours_s,
    "" if integral.get("joules") is not None else integral.get("unavailableReason") or "")
row("nvidia-smi total_energy_consumption", smi_j, smi_s, "(diff of two readings, inside our window)"
    if "total_energy_consumption" in fields else "(this nvidia-smi has no such field)")
for field in series_fields[1:]:
    j, span = smi_integral(field)
    row(f"nvidia-smi {field}, 100 ms samples", j, span or smi_s,
        f"({len(samples)} samples, trapezoids, inside nvidia-smi's window)")
if dev.get("disagreement") is not None:
    print(f"  counter vs integral: {100 * dev['disagreement']:.2f} % apart"
          + (" (flagged)" if dev.get("disagreementFlagged") else ""))
gp = (dev.get("gross") or {}).get("provenance") or {}
print(f"  our figure: {gp.get('source')}, valid {gp.get('valid')}, flags {', '.join(gp.get('flags') or []) or 'none'}"
      + "".join(f"\n    reason: {r}" for r in gp.get("reasons") or []))
if smi_j is not None and counter.get("joules") is not None:
    print(f"  our window is {ours_s - smi_s:.2f} s longer than nvidia-smi's (JVM side: the command's start and two "
          f"nvidia-smi calls); at nvidia-smi's mean power that is {smi_j / smi_s * (ours_s - smi_s):.1f} J")
period = dev["details"].get("counterUpdatePeriodS")
print(f"  counter update period: {float(period) * 1000:.1f} ms (observed)" if period else
      "  counter update period: not observed (the counter did not advance twice during the run)")
idetails = (integral.get("provenance") or {}).get("details", {})
series = sorted({s["quantity"] for s in m.get("series", []) if s.get("channel") == dev["channel"]})
print(f"  power sampling: the integral used '{idetails.get('powerQuantity', 'n/a')}' power, "
      f"{idetails.get('powerSamples', '?')} samples, largest gap {idetails.get('largestSampleGapS', '?')} s; "
      f"series recorded: {', '.join(series) or 'none'}")
if dev["details"].get("instantPowerRefused"):
    print(f"  instant power refused by the driver: {dev['details']['instantPowerRefused']}")
print("  nvidia-smi power: " + ", ".join(
    f"{k} {before.get(k)} -> {after.get(k)} W" for k in fields if k.startswith("power.draw")))
PY
  say "measurement JSON, nvidia-smi readings and the load's output: $out"
}

case "$mode" in
  build) build ;;
  run) run ;;
  *) echo "usage: $0 build|run [BUNDLE]   (see the comment at the top)" >&2; exit 2 ;;
esac
