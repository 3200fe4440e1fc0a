package org.llmenergy.hardware;

/**
 * Which tensor-core peak a FLOP/s figure refers to. NVIDIA datasheets since Ampere headline the 2:4
 * structured-sparsity peak, which is twice the dense peak and is reached only by matmuls on weights pruned to
 * that pattern; ordinary bf16 inference runs at (a fraction of) the dense peak.
 */
public enum Sparsity {
    /** Dense tensor-core peak: what an unpruned model can reach at best. */
    DENSE,
    /** 2:4 structured-sparsity tensor-core peak (2x dense). Fernandez et al. (2025, footnote 5) used this one. */
    SPARSE_2_4
}
