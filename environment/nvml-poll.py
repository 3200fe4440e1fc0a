#!/usr/bin/env python3
"""An independent look at what NVML offers, outside the toolkit: polls one GPU's readings as fast as it can.

Usage: nvml-poll.py [--seconds 10] [--index 0] [--uuid GPU-...] [--during CMD ...]

Reads through ctypes straight from libnvidia-ml.so.1 (no pynvml, no Java), in a tight loop:
  - nvmlDeviceGetTotalEnergyConsumption (mJ since driver load),
  - nvmlDeviceGetPowerUsage (mW; a 1-s average on Ampere except GA100 and newer, per NVML's documentation),
  - nvmlDeviceGetFieldValues NVML_FI_DEV_POWER_INSTANT (186) and NVML_FI_DEV_POWER_AVERAGE (185), in mW.
With --during, it starts that command, polls until it exits (or --seconds, whichever is later is not waited
for: the poll stops when the command ends) and reports the command's exit status.

Prints one JSON object: for each quantity, how many reads, how many distinct changes, the median and the
smallest gap between changes (its update period as seen from here), and, over the polled window, the counter's
energy (last change minus first reading) against
the three power readings integrated with each value held until it changes. This is the cross-check for the toolkit's
NvmlGpu, which reads the same functions through JNA.
"""
import argparse
import ctypes
import json
import statistics
import subprocess
import time

FI_POWER_AVERAGE, FI_POWER_INSTANT = 185, 186


class FieldValue(ctypes.Structure):
    # nvmlFieldValue_t (nvml.h): u32 fieldId, u32 scopeId, i64 timestamp, i64 latencyUsec, u32 valueType,
    # u32 nvmlReturn, 8-byte value union.
    _fields_ = [("fieldId", ctypes.c_uint), ("scopeId", ctypes.c_uint), ("timestamp", ctypes.c_longlong),
                ("latencyUsec", ctypes.c_longlong), ("valueType", ctypes.c_uint), ("nvmlReturn", ctypes.c_uint),
                ("value", ctypes.c_ulonglong)]


def check(rc, what):
    if rc != 0:
        raise RuntimeError(f"{what} returned NVML error {rc}")


def field_value(f):
    # valueType: 0 double, 1 uint, 2 ulong, 3 ulonglong, 4 slonglong, 5 sint (nvmlValueType_t)
    raw = f.value
    if f.valueType == 0:
        return ctypes.cast(ctypes.pointer(ctypes.c_ulonglong(raw)), ctypes.POINTER(ctypes.c_double)).contents.value
    if f.valueType in (1, 5):
        return raw & 0xFFFFFFFF
    return raw


class Reading:
    """One quantity's reads, keeping only the points where its value changed (the loop reads ~10^5 times/s)."""

    def __init__(self):
        self.reads = self.failed = 0
        self.points = []  # (t, value) at the first read and at every change
        self.last_t = None

    def add(self, t, value):
        self.reads += 1
        self.last_t = t
        if value is None:
            self.failed += 1
        elif not self.points or self.points[-1][1] != value:
            self.points.append((t, value))

    def summary(self):
        changes = [t for t, _ in self.points[1:]]
        gaps = [b - a for a, b in zip(changes, changes[1:])]
        return {"reads": self.reads, "failedReads": self.failed, "changes": len(changes),
                "medianChangeGapMs": round(1000 * statistics.median(gaps), 2) if gaps else None,
                "smallestChangeGapMs": round(1000 * min(gaps), 2) if gaps else None}

    def held_integral_j(self):
        """Each reading held until the next change (mW x s -> J), from the first read to the last."""
        if not self.points:
            return None
        ends = [t for t, _ in self.points[1:]] + [self.last_t]
        return round(sum((end - t) * v for (t, v), end in zip(self.points, ends)) / 1000, 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--index", type=int, default=0)
    ap.add_argument("--uuid", default=None, help="select the GPU by UUID instead of NVML index")
    ap.add_argument("--during", nargs=argparse.REMAINDER, default=None)
    args = ap.parse_args()
    nvml = ctypes.CDLL("libnvidia-ml.so.1")
    check(nvml.nvmlInit_v2(), "nvmlInit_v2")
    try:
        dev = ctypes.c_void_p()
        if args.uuid:
            check(nvml.nvmlDeviceGetHandleByUUID(args.uuid.encode(), ctypes.byref(dev)), "nvmlDeviceGetHandleByUUID")
        else:
            check(nvml.nvmlDeviceGetHandleByIndex_v2(args.index, ctypes.byref(dev)), "nvmlDeviceGetHandleByIndex_v2")
        name = ctypes.create_string_buffer(96)
        nvml.nvmlDeviceGetName(dev, name, 96)
        energy, power = ctypes.c_ulonglong(), ctypes.c_uint()
        fields = (FieldValue * 2)()
        fields[0].fieldId, fields[1].fieldId = FI_POWER_INSTANT, FI_POWER_AVERAGE
        series = {k: Reading() for k in ("counterMj", "powerUsageMw", "instantMw", "averageMw")}
        proc = subprocess.Popen(args.during) if args.during else None
        t0 = time.monotonic()
        while True:
            t = time.monotonic()
            if proc is not None and proc.poll() is not None:
                break
            if proc is None and t - t0 >= args.seconds:
                break
            rc = nvml.nvmlDeviceGetTotalEnergyConsumption(dev, ctypes.byref(energy))
            series["counterMj"].add(t, energy.value if rc == 0 else None)
            rc = nvml.nvmlDeviceGetPowerUsage(dev, ctypes.byref(power))
            series["powerUsageMw"].add(t, power.value if rc == 0 else None)
            rc = nvml.nvmlDeviceGetFieldValues(dev, 2, fields)
            series["instantMw"].add(t, field_value(fields[0]) if rc == 0 and fields[0].nvmlReturn == 0 else None)
            series["averageMw"].add(t, field_value(fields[1]) if rc == 0 and fields[1].nvmlReturn == 0 else None)
        elapsed = time.monotonic() - t0
        counter = [v for _, v in series["counterMj"].points]
        out = {"gpu": name.value.decode(), "windowS": round(elapsed, 3),
               "command": args.during, "commandExit": proc.returncode if proc else None,
               "readsPerSecond": round(series["counterMj"].reads / elapsed, 1),
               "counterJ": round((counter[-1] - counter[0]) / 1000, 2) if len(counter) > 1 else None,
               "heldIntegralJ": {k: v.held_integral_j() for k, v in series.items() if k != "counterMj"},
               "quantities": {k: v.summary() for k, v in series.items()}}
        print(json.dumps(out, indent=1))
    finally:
        nvml.nvmlShutdown()


if __name__ == "__main__":
    main()
