package org.llmenergy.estimate.calibrated;

/** One configuration of a measurement file: priced by the model, or set aside with the reason. */
public sealed interface Configuration {

    /** @return where it comes from, {@code file#index} */
    String source();

    /** @return the model id */
    String modelId();

    /**
     * A configuration the model can represent.
     *
     * @param point           the point (inputs and measurements)
     * @param shapeFromFacts  true when no preset matched and the shape was built from the file's parameter counts
     */
    record Supported(CalibrationPoint point, boolean shapeFromFacts) implements Configuration {
        @Override public String source() { return point.source(); }
        @Override public String modelId() { return point.modelId(); }
    }

    /**
     * A configuration the model cannot represent, never priced as something else.
     *
     * @param source     {@code file#index}
     * @param modelId    the model id
     * @param gpu        the GPU as the file names it
     * @param tp         tensor-parallel degree
     * @param maxNumSeqs batch limit
     * @param measuredJoulesPerToken the file's measured J per output token
     * @param reason     why
     */
    record Unsupported(String source, String modelId, String gpu, int tp, int maxNumSeqs, double measuredJoulesPerToken,
                       String reason) implements Configuration {}
}
