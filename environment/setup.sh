#!/usr/bin/env bash
# Installs what the notebooks need and registers the `llm-energy` Java kernel:
#   1. Jupyter (Debian/Ubuntu packages; pip --user where PyPI is reachable),
#   2. a Java kernel: IJava if a `java` kernelspec from IJava is installed, otherwise
#      io.github.padreati:rapaio-jupyter-kernel from Maven Central,
#   3. the toolkit, built, and a kernelspec that puts it and its dependencies on the kernel's classpath and
#      sets DJL's cache folder. The kernel runs under environment/kernel-launcher.py, which restarts a start
#      that hangs (1 in 5 of the Java kernel's starts; see environment/KERNEL.md).
# Usage: environment/setup.sh [--headless] [--open]
#   --headless  install only what executing notebooks needs (CI); no notebook UI
#   --open      afterwards, open the notebooks in the classic Jupyter UI
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
headless=0; open=0
for a in "$@"; do
  case "$a" in
    --headless) headless=1 ;;
    --open) open=1 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
RJK_VERSION=3.0.1
kernel_dir="$root/environment/.kernel"
say() { echo "setup: $*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

have_jupyter() {
  command -v jupyter >/dev/null && jupyter nbconvert --version >/dev/null 2>&1 \
    && jupyter kernelspec list >/dev/null 2>&1 \
    && { [ "$headless" = 1 ] || jupyter notebook --version >/dev/null 2>&1; }
}

install_jupyter() {
  if have_jupyter; then say "Jupyter present: $(jupyter nbconvert --version 2>/dev/null | head -1) (nbconvert)"; return; fi
  if command -v apt-get >/dev/null; then
    local pkgs=(jupyter-nbconvert python3-nbclient jupyter-client)
    [ "$headless" = 1 ] || pkgs+=(jupyter-notebook)
    say "installing ${pkgs[*]} from the distribution's packages"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  elif command -v pip3 >/dev/null; then
    say "installing Jupyter with pip --user"
    pip3 install --user -q nbconvert nbclient jupyter_client notebook
  else
    say "cannot install Jupyter: no apt-get and no pip3"; exit 1
  fi
}

build_toolkit() {
  if [ ! -f "$root/toolkit/target/classpath.txt" ] || [ -n "$(find "$root/toolkit/src/main" "$root/toolkit/pom.xml" -newer "$root/toolkit/target/classpath.txt" -print -quit)" ]; then
    say "building the toolkit"
    (cd "$root" && mvn -q -B -pl toolkit -am -DskipTests package)
  fi
}

# The kernel's classpath: the toolkit's classes and every runtime dependency jar.
classpath_entries() {
  echo "$root/toolkit/target/classes"
  tr ':' '\n' < "$root/toolkit/target/classpath.txt"
}

ijava_jar() {
  # IJava installs a kernelspec named "java" whose argv runs ijava-*.jar.
  local spec
  spec=$(jupyter kernelspec list 2>/dev/null | awk '$1=="java"{print $2}')
  [ -n "$spec" ] && [ -f "$spec/kernel.json" ] || return 1
  python3 - "$spec/kernel.json" <<'PY'
import json, sys
argv = json.load(open(sys.argv[1]))["argv"]
jar = next((a for a in argv if a.endswith(".jar") and "ijava" in a.lower()), None)
print(jar or "", end="")
sys.exit(0 if jar else 1)
PY
}

# The Python that runs kernel-launcher.py: one with jupyter_client and pyzmq (Debian's, or pip's).
launcher_python() {
  local c
  for c in /usr/bin/python3 python3; do
    if command -v "$c" >/dev/null && "$c" -c 'import jupyter_client, zmq' 2>/dev/null; then
      "$c" -c 'import sys; print(sys.executable)'; return 0
    fi
  done
  say "no python3 with jupyter_client and pyzmq for the kernel launcher"; return 1
}

write_kernelspec() {
  local spec_dir="$root/environment/.jupyter/kernels/llm-energy"
  mkdir -p "$spec_dir" "$root/.cache/djl"
  local jar py
  py=$(launcher_python)
  if jar=$(ijava_jar); then
    say "using IJava ($jar)"
    python3 - "$spec_dir/kernel.json" "$jar" "$root" "$py" <<'PY'
import json, os, sys
out, jar, root, py = sys.argv[1:5]
cp = [root + "/toolkit/target/classes"] + open(root + "/toolkit/target/classpath.txt").read().strip().split(":")
env = {"IJAVA_CLASSPATH": ":".join(cp), "DJL_CACHE_DIR": root + "/.cache/djl"}
if os.path.isdir(root + "/../shared/datasets"):
    env["LLM_ENERGY_DATASETS_MIRROR"] = os.path.realpath(root + "/../shared/datasets")
# Every argv starts with the launcher; it runs the kernel command after "--".
launcher = [py, root + "/environment/kernel-launcher.py", "--connection-file", "{connection_file}", "--"]
json.dump({
  "argv": launcher + ["java", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dllmenergy.repo.root=" + root,
           "-jar", jar, "{connection_file}"],
  "display_name": "Java (llm-energy)", "language": "java", "interrupt_mode": "message", "env": env},
  open(out, "w"), indent=1)
PY
  else
    local kjar="$kernel_dir/rapaio-jupyter-kernel-$RJK_VERSION.jar"
    if [ ! -f "$kjar" ]; then
      say "fetching rapaio-jupyter-kernel $RJK_VERSION from Maven Central"
      (cd "$root" && mvn -q -B dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION \
          -DoutputDirectory="$kernel_dir")
    fi
    say "using rapaio-jupyter-kernel $RJK_VERSION"
    python3 - "$spec_dir/kernel.json" "$kjar" "$root" "$py" <<'PY'
import json, os, sys
out, jar, root, py = sys.argv[1:5]
cp = [root + "/toolkit/target/classes"] + open(root + "/toolkit/target/classpath.txt").read().strip().split(":")
# rapaio separates classpath entries with ';' (a ':' list kills the kernel at start-up).
env = {"RJK_CLASSPATH": ";".join(cp), "RJK_TIMEOUT_MILLIS": "-1", "DJL_CACHE_DIR": root + "/.cache/djl"}
if os.path.isdir(root + "/../shared/datasets"):
    env["LLM_ENERGY_DATASETS_MIRROR"] = os.path.realpath(root + "/../shared/datasets")
# Every argv starts with the launcher; it runs the kernel command after "--".
launcher = [py, root + "/environment/kernel-launcher.py", "--connection-file", "{connection_file}", "--"]
json.dump({
  "argv": launcher + ["java", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dllmenergy.repo.root=" + root,
           "-Xmx4g", "-jar", jar, "{connection_file}"],
  "display_name": "Java (llm-energy)", "language": "java", "interrupt_mode": "message", "env": env},
  open(out, "w"), indent=1)
PY
  fi
  jupyter kernelspec install --user --replace --name llm-energy "$spec_dir" >/dev/null 2>&1 \
    || jupyter kernelspec install --user --name llm-energy "$spec_dir" >/dev/null
  say "kernelspec llm-energy installed: $(jupyter kernelspec list | awk '$1=="llm-energy"{print $2}')"
}

install_jupyter
build_toolkit
write_kernelspec
if [ "$open" = 1 ]; then
  export JUPYTER_PATH="$root/environment/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
  cd "$root/notebooks" && exec jupyter notebook
fi
