package digitlab.train.tests;

import static digitlab.train.tests.CliTest.assertOneLine;
import static digitlab.train.tests.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.train.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitlab embed}: the CSV it writes and the one-line errors for bad input. */
class EmbedCliTest {

    @TempDir
    Path dir;

    @Test
    void pcaOfTheReadyModelsLastHiddenLayerWritesOneRowPerTestImage() throws Exception {
        Path csv = dir.resolve("map.csv");
        CliTest.Result r = cli("embed", "--method", "pca", "--limit", "500", "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("PCA of layer 9: relu (150) over 500 test images of mnist"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,label,guess,x,y", lines.get(0));
        assertEquals(501, lines.size());
        ImageSet test = Datasets.load("mnist", -1).part(Split.TEST);
        int right = 0;
        for (int i = 0; i < 500; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(5, f.length);
            assertEquals(i, Integer.parseInt(f[0]));
            assertEquals(test.label(i), Integer.parseInt(f[1]));
            if (f[1].equals(f[2])) right++;
            assertTrue(Double.isFinite(Double.parseDouble(f[3])) && Double.isFinite(Double.parseDouble(f[4])));
        }
        assertTrue(right >= 490, "the ready model gets " + right + " of the first 500 right");
        Map<String, Object> j = r.json();
        assertEquals("pca", j.get("method"));
        double agreement = ((Number) j.get("knn_agreement")).doubleValue();
        assertTrue(agreement > 0.3 && agreement < 1, "PCA's agreement " + agreement);
    }

    @Test
    void tsneSeparatesTheClassesBetterThanPca() throws Exception {
        Path csv = dir.resolve("tsne.csv");
        CliTest.Result r = cli("embed", "--method", "tsne", "--limit", "400", "--perplexity", "20", "--iterations",
                "300", "--layer", "last", "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(401, Files.readAllLines(csv).size());
        double tsne = ((Number) r.json().get("knn_agreement")).doubleValue();
        double pca = ((Number) cli("embed", "--method", "pca", "--limit", "400", "--out", dir.resolve("p.csv").toString(),
                "--json").json().get("knn_agreement")).doubleValue();
        assertTrue(tsne > 0.9 && tsne > pca, "t-SNE " + tsne + ", PCA " + pca);
    }

    @Test
    void badInputGetsOneClearLineAndExitCode2() {
        String out = dir.resolve("x.csv").toString();
        assertOneLine(cli("embed", "--method", "pca", "--layer", "13", "--out", out), 2,
                "digitlab embed: --layer: layer 13 does not exist: this network has layers 1 to 12");
        assertOneLine(cli("embed", "--method", "pca", "--layer", "dense", "--out", out), 2,
                "--layer: layer 'dense' is not a layer number (1 to 12) or 'last'");
        assertOneLine(cli("embed", "--method", "pca", "--limit", "0", "--out", out), 2,
                "--limit: 0 must be between 1 and 10000 (the test set of mnist)");
        assertOneLine(cli("embed", "--method", "pca", "--limit", "10001", "--out", out), 2,
                "--limit: 10001 must be between 1 and 10000 (the test set of mnist)");
        assertOneLine(cli("embed", "--method", "pca", "--model", dir.resolve("none.dlm").toString(), "--out", out), 2,
                "--model: no such file: " + dir.resolve("none.dlm"));
        assertOneLine(cli("embed", "--out", out), 2, "--method is needed: pca or tsne");
        assertOneLine(cli("embed", "--method", "umap", "--out", out), 2, "--method: method 'umap' is unknown; known: pca, tsne");
        assertOneLine(cli("embed", "--method", "pca"), 2, "--out is needed");
        assertOneLine(cli("embed", "--method", "tsne", "--limit", "60", "--out", out), 2,
                "--perplexity: perplexity 30 is outside 2 to 19 (at most a third of the points less one)");
        assertTrue(Files.notExists(Path.of(out)), "nothing written for bad input");
    }
}
