package digitlab.train;

import java.util.List;

/** A {@link TrainingRequest} that does not pass {@link TrainingRequest#validate()}; the message names the first bad field. */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    /** For a non-empty list of problems. */
    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    /** All problems found, in field order. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
