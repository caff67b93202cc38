package digitlab.train;

/**
 * One problem with one field of a {@link TrainingRequest}, for inline validation in a form and for
 * command-line messages.
 *
 * @param field   the request's component name, e.g. {@code "learningRate"} (see {@link TrainingRequest})
 * @param message a sentence for the user, e.g. {@code "must be above 0"}; it does not repeat the field name
 */
public record FieldProblem(String field, String message) {

    /** {@code "field: message"}. */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
