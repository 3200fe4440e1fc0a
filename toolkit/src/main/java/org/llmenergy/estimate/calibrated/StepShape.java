package org.llmenergy.estimate.calibrated;

/**
 * The numbers of a transformer that decide the FLOPs and bytes of one forward step: what the roofline needs and
 * nothing else. Parameter counts are in parameters, not bytes.
 *
 * @param name                  model name, for messages
 * @param layers                decoder layers
 * @param hiddenSize            model width d
 * @param totalParameters       every parameter (decides the weights' memory)
 * @param alwaysReadParameters  weights every step reads whatever the routing (attention, dense MLPs, shared experts,
 *                              routers, LM head; not the input embedding, which is a lookup)
 * @param expertParameters      one routed expert's parameters in one layer (0 for a dense model)
 * @param moeLayers             layers with routed experts
 * @param experts               routed experts per MoE layer
 * @param expertsPerToken       experts each token is routed to (top-k)
 * @param kvElementsPerToken    KV-cache elements one token adds, summed over layers
 * @param attentionFlopsPerPair FLOPs of one query token against one cached token in one layer
 * @param globalLayers          layers attending to the whole context
 * @param windowedLayers        layers attending to a sliding window
 * @param window                the sliding window, in tokens (0 when there is none)
 */
public record StepShape(String name, int layers, int hiddenSize, double totalParameters, double alwaysReadParameters,
                        double expertParameters, int moeLayers, int experts, int expertsPerToken,
                        double kvElementsPerToken, double attentionFlopsPerPair, int globalLayers, int windowedLayers,
                        int window) {

    public StepShape {
        if (layers <= 0 || hiddenSize <= 0 || !(totalParameters > 0) || !(alwaysReadParameters > 0)) {
            throw new IllegalArgumentException(name + ": layers, width and parameter counts must be > 0");
        }
        if (globalLayers + windowedLayers != layers) {
            throw new IllegalArgumentException(name + ": global (" + globalLayers + ") + windowed (" + windowedLayers
                    + ") layers must equal " + layers);
        }
        if (experts > 0 && (expertsPerToken <= 0 || expertsPerToken > experts || moeLayers <= 0 || !(expertParameters > 0))) {
            throw new IllegalArgumentException(name + ": an MoE shape needs 0 < top-k <= experts, MoE layers and expert size");
        }
    }

    /**
     * @param c an architecture
     * @return its step shape
     */
    public static StepShape of(org.llmenergy.model.ModelConfig c) {
        int local = c.slidingWindow().localLayers(c.numLayers());
        return new StepShape(c.name(), c.numLayers(), c.hiddenSize(), c.parameterCount(), c.alwaysReadParameterCount(),
                c.routedExpertParameters(), c.moeLayerCount(), c.numExperts(), c.expertsPerToken(),
                c.kvCacheElementsPerToken(), c.attentionFlopsPerAttendedToken(), c.numLayers() - local, local,
                c.slidingWindow().tokens());
    }

    /** @return true for a mixture-of-experts model */
    public boolean isMoe() { return experts > 0; }

    /** @return parameters one token's forward pass multiplies: always-read plus its top-k routed experts */
    public double activeParameters() { return alwaysReadParameters + (double) moeLayers * expertsPerToken * expertParameters; }

    /**
     * Routed experts a step touches when {@code tokens} tokens are each routed to top-k of E experts uniformly at
     * random: {@code E (1 - (1 - k/E)^T)} per MoE layer. Balanced routing is what MoE training aims for; real routing
     * is skewed, which touches fewer experts (so this is an upper bound on the weight reads).
     *
     * @param tokens tokens in the step (decode sequences plus prefill tokens)
     * @return expected distinct experts per MoE layer
     */
    public double expertsTouched(double tokens) {
        if (!isMoe()) return 0;
        return experts * (1 - Math.pow(1 - (double) expertsPerToken / experts, tokens));
    }

    /**
     * @param context context length, in tokens
     * @return the sum over layers of the tokens each layer attends to: the context for global layers, at most the
     *         window for windowed ones
     */
    public double attendedTokens(double context) {
        return globalLayers * context + windowedLayers * (window > 0 ? Math.min(context, window) : context);
    }

    /** @return KV-cache elements per token in one layer (averaged over layers) */
    public double kvElementsPerTokenPerLayer() { return kvElementsPerToken / layers; }
}
