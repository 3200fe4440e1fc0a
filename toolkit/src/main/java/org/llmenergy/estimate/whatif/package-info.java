/**
 * What-if questions for teaching and quick answers: a serving setting named in one line
 * ({@link org.llmenergy.estimate.whatif.Setup}) and the calibrated model of it.
 * Uses {@code estimate.calibrated}, {@code model} and {@code hardware}.
 */
package org.llmenergy.estimate.whatif;
