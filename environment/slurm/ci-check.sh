#!/usr/bin/env bash
# Runs a sharded sweep on a REAL one-node Slurm cluster and checks the merged results against a single-process
# run of the same spec. CI calls it from .ci/run; it needs root (or sudo) and Debian's slurm-wlm and munge.
#
#   environment/slurm/ci-check.sh [--spec FILE] [--shards N] [--keep]
#
# 1. installs slurm-wlm and munge with apt when slurmctld, slurmd, sbatch or munged is missing (apt-get update
#    first; nothing is fetched when they are there);
# 2. starts munged, slurmctld and slurmd by hand (no systemd), all under one private state folder with free
#    ports and a private munge socket, config from environment/slurm/ci/slurm.conf.in;
# 3. submits environment/slurm/submit.sh <spec> <dir> <shards>: a job array of <shards> sweep tasks and the
#    merge job that depends on it, exactly as a user would;
# 4. waits for every array task and the merge job (each wait has a deadline), requires all COMPLETED with exit
#    code 0, runs the same spec in one process, and compares the two results files with compare-results.py;
# 5. always stops the daemons it started (by their PIDs) and removes the state folder unless --keep.
# On any failure it prints which step failed and the tails of the daemon and job logs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
spec=$here/ci-spec.json
shards=4
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --spec) spec=$(readlink -f "$2"); shift ;;
    --shards) shards=$2; shift ;;
    --keep) keep=1 ;;
    *) echo "ci-check.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# Deadlines in seconds; the tiny default sweep takes about 1 minute on 2 loaded cores.
START_S=${SLURM_CI_START_S:-60}
JOBS_S=${SLURM_CI_JOBS_S:-900}

say() { echo "slurm-ci: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

state=""
pids=()          # munged, slurmctld, slurmd, in that order
array=""; merge=""
# PIDs of the processes, other than this script, whose environment names this cluster's config.
cluster_processes() {
  local e p
  for e in /proc/[0-9]*/environ; do
    p=${e#/proc/}; p=${p%/environ}
    [ "$p" = $$ ] || [ "$p" = "$BASHPID" ] && continue
    tr '\0' '\n' 2>/dev/null < "$e" | grep -qxF "SLURM_CONF=$state/slurm.conf" && echo "$p"
  done
  return 0
}
step="setup"
fail() {
  echo "slurm-ci: FAILED at step '$step': $*" >&2
  exit 1
}
show_logs() {
  [ -n "$state" ] && [ -d "$state" ] || return 0
  for f in "$state"/munged.log "$state"/slurmctld.log "$state"/slurmd.log "$state"/results/logs/*.out; do
    [ -f "$f" ] || continue
    echo "----- tail of $f" >&2
    tail -n 30 "$f" >&2
  done
}
cleanup() {
  local rc=$?
  [ "$rc" = 0 ] || show_logs
  # Jobs still running (a failure or a deadline): cancel them while slurmctld can, give slurmd 20 s to end
  # them, then kill what is left of this cluster: slurmstepd daemonizes away from slurmd, so its processes and
  # the jobs' are found by the SLURM_CONF of this cluster in their environment (no other process has it).
  if [ -n "$array$merge" ]; then
    timeout 10 scancel $array $merge 2>/dev/null || true
    for _ in $(seq 40); do [ -z "$(timeout 5 squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  # Our daemons only, newest first, by the PIDs we started; SIGTERM, then SIGKILL after 10 s.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$state" ]; then
    left=$(cluster_processes)
    [ -z "$left" ] || { say "killing processes left by this cluster: $(echo $left)"; kill -KILL $left 2>/dev/null || true; }
  fi
  if [ -n "$state" ]; then
    if [ "$keep" = 1 ] || [ "$rc" != 0 ]; then say "state, logs and results kept in $state"
    else rm -rf "$state"; fi
  fi
  [ "$rc" = 0 ] || say "cluster torn down after a failure"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. packages ---------------------------------------------------------------------------------------------
step="install"
missing=()
for c in slurmctld slurmd sbatch scontrol munged; do command -v "$c" >/dev/null || missing+=("$c"); done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install slurm-wlm and munge"
  say "installing slurm-wlm and munge from Debian (missing: ${missing[*]})"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null \
    || fail "apt-get install slurm-wlm munge failed"
fi
[ "$(id -u)" = 0 ] || fail "the daemons run as root (SlurmUser=root); run as root"

# ---- 2. the cluster -------------------------------------------------------------------------------------------
step="start cluster"
state=$(mktemp -d /tmp/llm-energy-slurm-ci.XXXXXX)
chmod 755 "$state"
mkdir -p "$state/munge" "$state/munge-run" "$state/slurmctld" "$state/slurmd"
chmod 700 "$state/munge"      # the key: private
chmod 755 "$state/munge-run"  # the socket: munged wants its folder reachable by all
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ctld_port=$(free_port); slurmd_port=$(free_port)
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done
node=llmenergy-ci
hardware=$(slurmd -C | head -n 1 | grep -oE '(CPUs|Boards|SocketsPerBoard|CoresPerSocket|ThreadsPerCore)=[0-9]+' | tr '\n' ' ')
cpus=$(echo "$hardware" | sed -nE 's/.*CPUs=([0-9]+).*/\1/p')
[ -n "$cpus" ] || fail "slurmd -C did not report the CPUs: $(slurmd -C 2>&1 | head -n 2)"
mem_mb=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo)
sed -e "s|@STATE@|$state|g" -e "s|@NODE@|$node|g" -e "s|@HOST@|$(hostname)|g" -e "s|@CTLD_PORT@|$ctld_port|g" \
    -e "s|@SLURMD_PORT@|$slurmd_port|g" -e "s|@HARDWARE@|$hardware|g" -e "s|@MEM_MB@|$mem_mb|g" \
    "$here/ci/slurm.conf.in" > "$state/slurm.conf"
export SLURM_CONF=$state/slurm.conf

# A fresh key for this cluster only; munged checks that the key and its folder are private.
dd if=/dev/urandom of="$state/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$state/munge/munge.key"
munged -F --force --socket="$state/munge-run/munge.socket" --key-file="$state/munge/munge.key" \
  --pid-file="$state/munge/munged.pid" --seed-file="$state/munge/munged.seed" --log-file="$state/munged.log" \
  >>"$state/munged.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + START_S))
until munge -n -S "$state/munge-run/munge.socket" 2>/dev/null | unmunge -S "$state/munge-run/munge.socket" >/dev/null 2>&1; do
  kill -0 "${pids[0]}" 2>/dev/null || fail "munged exited (see $state/munged.log)"
  [ $SECONDS -lt $deadline ] || fail "munged did not answer in ${START_S} s"
  sleep 0.2
done

# -c: start from an empty state (no jobs left from an earlier cluster); -D: foreground, so we own the PIDs.
slurmctld -D -c -f "$SLURM_CONF" >>"$state/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -N "$node" -f "$SLURM_CONF" >>"$state/slurmd.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + START_S))
until [ "$(timeout 10 sinfo -h -n "$node" -o %T 2>/dev/null)" = idle ]; do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a Slurm daemon (pid $pid) exited"; done
  [ $SECONDS -lt $deadline ] || fail "node $node not idle after ${START_S} s: $(timeout 10 sinfo -h -N -o '%N %T %E' 2>&1)"
  sleep 0.5
done
say "one-node cluster up: $(slurmctld -V) on $(hostname), node $node ($cpus CPUs), ports $ctld_port/$slurmd_port"

# ---- 3. submit the array and the merge, as a user would --------------------------------------------------------
step="submit"
results=$state/results
# The templates ask for a GPU and 64 GB; this node has neither, so the array gets CI-sized resources instead.
out=$(cd "$root" && timeout 600 "$here/submit.sh" "$spec" "$results" "$shards" \
        --gres=none --cpus-per-task=1 --mem=2G --time=15 2>&1) || fail "submit.sh failed: $out"
echo "$out" | sed 's/^/  submit.sh: /'
line=$(echo "$out" | grep -E '^submitted sweep array [0-9]+ \([0-9]+ shards\) and merge job [0-9]+' || true)
[ -n "$line" ] || fail "submit.sh did not report the job ids: $out"
array=$(echo "$line" | sed -E 's/^submitted sweep array ([0-9]+) .*/\1/')
merge=$(echo "$line" | sed -E 's/.* merge job ([0-9]+).*/\1/')
say "submitted: job array $array ($shards tasks), merge job $merge (afterany:$array)"

# ---- 4. wait, then check ---------------------------------------------------------------------------------------
step="wait for jobs"
field() { sed -nE "s/.*(^| )$1=([^ ]*).*/\2/p"; }
deadline=$((SECONDS + JOBS_S))
while :; do
  mstate=$(timeout 10 scontrol show job -o "$merge" 2>/dev/null | field JobState || true)
  case "$mstate" in
    COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE) break ;;
  esac
  [ $SECONDS -lt $deadline ] || { timeout 10 squeue >&2 || true; fail "jobs not finished after ${JOBS_S} s (merge job $merge: ${mstate:-unknown})"; }
  sleep 2
done

step="check jobs"
tasks=$(timeout 10 scontrol show job -o "$array") || fail "scontrol show job $array failed"
ntasks=0; bad=()
while read -r t; do
  [ -n "$t" ] || continue
  id=$(echo "$t" | field ArrayTaskId); st=$(echo "$t" | field JobState); ec=$(echo "$t" | field ExitCode)
  nd=$(echo "$t" | field NodeList)
  say "  array job ${array} task ${id}: $st, exit $ec, node $nd"
  ntasks=$((ntasks + 1))
  [ "$st" = COMPLETED ] && [ "$ec" = 0:0 ] || bad+=("task $id $st $ec")
done <<< "$tasks"
[ "$ntasks" = "$shards" ] || fail "expected $shards array tasks of job $array, scontrol shows $ntasks"
[ ${#bad[@]} = 0 ] || fail "array tasks did not complete: ${bad[*]}"
mec=$(timeout 10 scontrol show job -o "$merge" | field ExitCode)
say "  merge job ${merge} (afterany:${array}): $mstate, exit $mec"
[ "$mstate" = COMPLETED ] && [ "$mec" = 0:0 ] || fail "merge job $merge ended $mstate with exit $mec"
for ((k = 0; k < shards; k++)); do
  grep -q "shard $k/$shards on " "$results"/logs/sweep-"${array}"_*.out \
    || fail "no array task logged shard $k/$shards (logs in $results/logs)"
done

step="single-process run"
single=$state/single.jsonl
(cd "$root" && timeout "$JOBS_S" ./llm-energy sweep "$spec" --out "$single" --progress none) \
  || fail "the single-process sweep failed"

step="compare"
summary=$(python3 "$here/compare-results.py" "$single" "$results/results.jsonl") || fail "$summary"
say "PASSED in $SECONDS s: a real Slurm job array ran: job $array, $shards tasks under slurmctld/slurmd" \
    "$(slurmctld -V | awk '{print $2}'), then merge job $merge; $summary"
