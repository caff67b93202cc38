package digitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.idx.IdxFolderProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DatasetRegistryTest {

    /** A provider of a tiny in-memory dataset that counts its loads. */
    private static final class TinyProvider implements DatasetProvider {
        final String id;
        final AtomicInteger loads = new AtomicInteger();

        TinyProvider(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Tiny " + id;
        }

        @Override
        public Dataset load() {
            loads.incrementAndGet();
            ImageSet set = ImageSet.of(2, 2, 2, new byte[16], new byte[] {0, 1, 0, 1});
            return new ImageDataset(id, displayName(), List.of("a", "b"), set, set, SplitPolicy.lastImages(1));
        }
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        DatasetRegistry r = new DatasetRegistry();
        r.register(new TinyProvider("mnist"));
        r.register(new TinyProvider("fashion"));
        UnknownDatasetException e = assertThrows(UnknownDatasetException.class, () -> r.resolve("kmnist"));
        assertEquals("unknown dataset 'kmnist'; known datasets: mnist, fashion, idx:<folder>", e.getMessage());
        assertEquals("kmnist", e.id());
        assertThrows(UnknownDatasetException.class, () -> r.load("kmnist"));
    }

    @Test
    void registeredProvidersResolveAndLoadOnce() throws IOException {
        DatasetRegistry r = new DatasetRegistry();
        TinyProvider tiny = new TinyProvider("tiny");
        r.register(tiny);
        assertSame(tiny, r.resolve("tiny"));
        assertSame(tiny, r.resolve(" tiny "));
        Dataset first = r.load("tiny");
        assertSame(first, r.load("tiny"), "a loaded dataset is cached");
        assertEquals(1, tiny.loads.get());
        r.clearCache();
        r.load("tiny");
        assertEquals(2, tiny.loads.get());
        assertEquals(List.of(tiny), r.providers());
        assertTrue(r.unregister("tiny"));
        assertThrows(UnknownDatasetException.class, () -> r.resolve("tiny"));
    }

    @Test
    void duplicateAndMalformedIdsAreRefused() {
        DatasetRegistry r = new DatasetRegistry();
        assertTrue(r.register(new TinyProvider("tiny")));
        assertFalse(r.register(new TinyProvider("tiny")), "the same provider class again is a no-op");
        DatasetProvider other = new DatasetProvider() {
            @Override
            public String id() {
                return "tiny";
            }

            @Override
            public String displayName() {
                return "Another tiny";
            }

            @Override
            public Dataset load() {
                throw new UnsupportedOperationException();
            }
        };
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> r.register(other));
        assertTrue(dup.getMessage().startsWith("dataset id 'tiny' of digitlab.data.DatasetRegistryTest$")
                && dup.getMessage().endsWith(" is already registered by digitlab.data.DatasetRegistryTest$TinyProvider"),
                dup.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.register(new TinyProvider("Big Set")))
                .getMessage().contains("has id 'Big Set'; ids are lower case letters"));
        assertThrows(IllegalArgumentException.class, () -> r.register(new TinyProvider("idx:/x")));
    }

    @Test
    void idxIdsNeedNoRegistration() throws UnknownDatasetException {
        DatasetRegistry r = new DatasetRegistry();
        DatasetProvider p = r.resolve("idx:/usr/share/datasets/../datasets/fashion-mnist");
        IdxFolderProvider idx = assertInstanceOf(IdxFolderProvider.class, p);
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), idx.folder());
        assertEquals("idx:/usr/share/datasets/fashion-mnist", p.id());
        assertEquals(Path.of(System.getProperty("user.home"), "data"),
                ((IdxFolderProvider) r.resolve("idx:~/data")).folder());
        assertEquals("'idx:' names no folder; write idx:/path/to/folder, for example idx:/usr/share/datasets/fashion-mnist",
                assertThrows(UnknownDatasetException.class, () -> r.resolve("idx:")).getMessage());
    }

    @Test
    void missingIdxFolderIsUnavailableNotUnknown() {
        DatasetRegistry r = new DatasetRegistry();
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> r.load("idx:/no/such/folder"));
        assertEquals("no such folder: /no/such/folder", e.getMessage());
    }
}
