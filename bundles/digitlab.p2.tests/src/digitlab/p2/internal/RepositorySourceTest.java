package digitlab.p2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.p2.PluginException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositorySourceTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsItsFileUri() throws Exception {
        URI uri = RepositorySource.toUri(dir.toString());
        assertEquals(dir.toUri(), uri);
        assertEquals(dir.toString(), RepositorySource.display(uri));
    }

    @Test
    void aZipIsReadThroughAJarUri() throws Exception {
        Path zip = Files.writeString(dir.resolve("repo.zip"), "x");
        URI uri = RepositorySource.toUri(zip.toString());
        assertEquals("jar:" + zip.toUri() + "!/", uri.toString());
        assertEquals(zip.toString(), RepositorySource.display(uri));
    }

    @Test
    void urlsStayAsTheyAre() throws Exception {
        assertEquals(URI.create("https://example.org/p2/"), RepositorySource.toUri("https://example.org/p2/"));
        assertEquals(dir.toUri(), RepositorySource.toUri(dir.toUri().toString()));
    }

    @Test
    void aMissingPathIsNamed() {
        PluginException e = assertThrows(PluginException.class, () -> RepositorySource.toUri(dir.resolve("nope.zip").toString()));
        assertEquals(dir.resolve("nope.zip") + ": no such file or folder", e.getMessage());
    }

    @Test
    void aFileThatIsNoArchiveIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        PluginException e = assertThrows(PluginException.class, () -> RepositorySource.toUri(text.toString()));
        assertTrue(e.getMessage().contains("neither a folder nor a .zip or .jar"), e.getMessage());
    }
}
