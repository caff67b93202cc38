package digitlab.p2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void keepsTheMissingRequirementOfAPlannerExplanation() {
        MultiStatus root = new MultiStatus("p2", 1, "Cannot complete the install because one or more required items could not be found.", null);
        MultiStatus detail = new MultiStatus("p2", 1, "Cannot complete the install", null);
        detail.add(new Status(IStatus.INFO, "p2", "Software being installed: com.example.foo 1.0.0"));
        detail.add(new Status(IStatus.ERROR, "p2", "Missing requirement: com.example.foo 1.0.0 requires\n 'java.package; com.example.bar 0.0.0' but it could not be found"));
        root.add(detail);
        assertEquals("Missing requirement: com.example.foo 1.0.0 requires 'java.package; com.example.bar 0.0.0' but it could not be found",
            Problems.oneLine(root));
    }

    @Test
    void aStatusWithoutChildrenIsItsMessage() {
        assertEquals("No repository found at file:/x.", Problems.oneLine(new Status(IStatus.ERROR, "p2", "No repository found at file:/x.")));
    }

    @Test
    void manyReasonsAreCut() {
        MultiStatus root = new MultiStatus("p2", 1, "failed", null);
        for (int i = 0; i < 6; i++) root.add(new Status(IStatus.ERROR, "p2", "reason " + i));
        assertEquals("reason 0; reason 1; reason 2; reason 3; ...", Problems.oneLine(root));
    }
}
