package org.llmenergy.cli;

import java.nio.file.Path;
import java.util.List;
import org.llmenergy.data.Datasets;
import org.llmenergy.data.ResolvedFile;
import org.llmenergy.estimate.calibrated.GpuFacts;
import org.llmenergy.hardware.GpuCatalog;

/** What {@code calibrate} and {@code validate} share: the default data and the GPU facts. */
final class CalibrationInputs {
    private CalibrationInputs() {}

    /** @return the ML.ENERGY v3 calibration split, through the dataset catalog (mirror, cache or download, verified) */
    static List<Path> defaultCalibrationFiles() {
        return Datasets.resolveAll("mlenergy-v3").stream().map(ResolvedFile::path).toList();
    }

    /** @return the ML.ENERGY v2 configuration files, through the dataset catalog */
    static List<Path> defaultV2Files() {
        return Datasets.resolveAll("mlenergy-v2").stream().map(ResolvedFile::path)
                .filter(p -> p.getFileName().toString().matches("bs\\d+\\+tp\\d+\\+pp\\d+\\.json")).toList();
    }

    /** @return the datasheet facts of a catalog GPU */
    static GpuFacts gpu(String catalogName) { return GpuFacts.of(GpuCatalog.builtIn().get(catalogName)); }
}
