package digitlab.analysis.saliency;

/**
 * Which pixels of one image matter for the network's guess.
 *
 * @param method      how it was computed ({@link SaliencyMaps.Method})
 * @param predicted   the class the network guesses
 * @param probability the guessed class's output (a probability for softmax networks)
 * @param width       image width (28)
 * @param height      image height (28)
 * @param importance  per pixel, row-major, in [0, 1]: 1 for the pixel that matters most
 * @param signed      per pixel, the raw value before taking magnitudes and scaling: for
 *                    {@link SaliencyMaps.Method#GRADIENT} the derivative of the guessed class's log-probability
 *                    with respect to the pixel (positive: more ink here makes the guess surer); for
 *                    {@link SaliencyMaps.Method#OCCLUSION} the mean drop of the guessed class's probability when
 *                    a patch containing the pixel is blanked (positive: the pixel's surroundings support the guess)
 */
public record SaliencyMap(SaliencyMaps.Method method, int predicted, float probability, int width, int height,
                          float[] importance, float[] signed) {
}
