#!/usr/bin/env bash
# Submits a sharded sweep and its merge:
#
#   environment/slurm/submit.sh <spec.json> <results-dir> <shards> [extra sbatch options...]
#
# Builds the toolkit once here, submits sweep.sbatch as an array of <shards> tasks and merge.sbatch to run
# after all of them. Extra options (for example --partition=gpu --time=48:00:00) go to the array job.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 <spec.json> <results-dir> <shards> [sbatch options...]" >&2
  exit 2
fi
spec=$(readlink -f "$1")
outdir=$(readlink -m "$2")
shards=$3
shift 3
case "$shards" in ''|*[!0-9]*|0) echo "$0: <shards> must be a positive integer, got '$shards'" >&2; exit 2;; esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export LLM_ENERGY_HOME=${LLM_ENERGY_HOME:-$root}
cli=${LLM_ENERGY_CLI:-$root/llm-energy}

"$cli" --version >/dev/null            # build now, not in every array task
"$cli" sweep "$spec" --dry-run | tail -n 1   # validates the spec before anything is queued

mkdir -p "$outdir/logs"
array=$(sbatch --parsable --export=ALL --array=0-$((shards - 1)) \
        --output="$outdir/logs/sweep-%A_%a.out" "$@" "$here/sweep.sbatch" "$spec" "$outdir")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency=afterany:"$array" \
        --output="$outdir/logs/merge-%j.out" "$here/merge.sbatch" "$outdir")
merge=${merge%%;*}
echo "submitted sweep array $array ($shards shards) and merge job $merge; results: $outdir/results.jsonl"
