package digitlab.examples.tests;

import digitlab.nn.Optimizer;
import digitlab.nn.OptimizerFactory;
import digitlab.nn.TrainingConfig;

/** A broken contributed optimizer: its constructor throws, so the lab cannot even create the factory. */
public final class CrashingOptimizerFactory implements OptimizerFactory {

    /** The message of the exception it throws. */
    public static final String MESSAGE = "the crashing optimizer crashed in its constructor";

    /** Always throws. */
    public CrashingOptimizerFactory() {
        throw new UnsupportedOperationException(MESSAGE);
    }

    @Override
    public Optimizer create(TrainingConfig config, int parameterCount) {
        throw new AssertionError("never reached");
    }
}
