package digitlab.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The set-up the fuzz tests of the file loaders share: a {@link Bounded} worker for the test class
 * (loads run there with a time limit and an allocation count), a fresh scratch folder per test, in
 * memory where possible, and at the end a print-out of one example message per kind of refusal seen,
 * so a reader of the test log sees what the loaders tell users.
 */
public abstract class FuzzFixture {

    /** The worker of the running test class. */
    protected static Bounded bounded;

    /** This test's scratch folder (see {@link Bounded#scratchDirectory()}), deleted after it. */
    protected Path dir;

    @BeforeAll
    static void startWorker() {
        bounded = new Bounded();
    }

    @AfterAll
    static void stopWorker(TestInfo info) {
        bounded.close();
        Bounded.printRemembered(info.getTestClass().map(Class::getSimpleName).orElse("fuzz test"));
    }

    @BeforeEach
    void createScratch() throws IOException {
        dir = Bounded.scratchDirectory();
    }

    @AfterEach
    void deleteScratch() throws IOException {
        Bounded.deleteTree(dir);
    }
}
