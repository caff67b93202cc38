package digitlab.examples.tests;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;

/** A broken contributed dataset: registered fine, then {@code load()} fails with an unchecked exception. */
public final class FaultyProvider implements DatasetProvider {

    /** The message of the exception it throws. */
    public static final String MESSAGE = "the faulty dataset has no images";

    @Override
    public String id() {
        return "faulty";
    }

    @Override
    public String displayName() {
        return "Faulty (test plugin)";
    }

    @Override
    public Dataset load() {
        throw new IllegalStateException(MESSAGE);
    }
}
