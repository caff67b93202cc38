package digitlab.nn;

import java.util.Locale;

/**
 * How the learning rate changes during training, as a factor of the base rate.
 * Written as text in configurations: {@code constant}, {@code step:EVERY:GAMMA} (multiply by GAMMA
 * every EVERY epochs, e.g. {@code step:5:0.5}) or {@code cosine} (half a cosine from 1 down to 0
 * over all epochs, evaluated per batch; {@code cosine:MIN} stops at MIN instead of 0).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The factor for the base learning rate.
     *
     * @param epoch       the current epoch, 0-based
     * @param progress    training progress in epochs, e.g. 2.5 halfway through the third epoch
     * @param totalEpochs the number of epochs of the run
     */
    double factor(int epoch, double progress, int totalEpochs);

    /**
     * Parses the text form (see the class comment).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static LearningRateSchedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split(":");
        try {
            switch (parts[0]) {
                case "constant":
                    if (parts.length == 1) return (e, p, n) -> 1.0;
                    break;
                case "step":
                    if (parts.length == 3) {
                        int every = Integer.parseInt(parts[1]);
                        double gamma = Double.parseDouble(parts[2]);
                        if (every >= 1 && gamma > 0 && gamma <= 1) return (e, p, n) -> Math.pow(gamma, e / every);
                    }
                    break;
                case "cosine":
                    if (parts.length <= 2) {
                        double min = parts.length == 2 ? Double.parseDouble(parts[1]) : 0.0;
                        if (min >= 0 && min <= 1) {
                            return (e, p, n) -> min + (1 - min) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, p / n)));
                        }
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("schedule: '" + text
                + "' is not a schedule; expected constant, step:EVERY:GAMMA (e.g. step:5:0.5), cosine or cosine:MIN");
    }
}
