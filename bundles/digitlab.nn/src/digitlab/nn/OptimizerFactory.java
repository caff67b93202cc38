package digitlab.nn;

/** Creates an optimizer for {@code parameterCount} parameters, reading its settings from the config. */
@FunctionalInterface
public interface OptimizerFactory {

    /** A fresh optimizer (zero state, zero steps). */
    Optimizer create(TrainingConfig config, int parameterCount);
}
