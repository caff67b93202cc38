package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.canvas.DrawingRasterizer;
import digitlab.ui.internal.canvas.Stroke;
import digitlab.ui.internal.canvas.Verdict;
import digitlab.ui.internal.export.Csv;
import digitlab.ui.internal.heatmap.ColorMap;
import digitlab.ui.internal.heatmap.TileAtlas;
import digitlab.ui.internal.heatmap.ValueRange;

/** The views' plain logic: verdicts, rasterizing strokes, colour tables, tile atlases, CSV. */
class PureLogicTest {

    @Test
    void verdictWordsFollowTheThresholds() {
        assertEquals("Looks like 7 to me!", Verdict.of("7", 0.95));
        assertEquals("Looks like 7 to me!", Verdict.of("7", 0.801));
        assertEquals("Looks mostly like 7", Verdict.of("7", 0.80));
        assertEquals("Looks mostly like 7", Verdict.of("7", 0.71));
        assertEquals("Looks kind of like 7", Verdict.of("7", 0.70));
        assertEquals("Looks kind of like 7", Verdict.of("7", 0.61));
        assertEquals("I'm not really sure, but I guess 7?", Verdict.of("7", 0.60));
        assertEquals("I'm not really sure, but I guess 3?", Verdict.of("3", 0.12));
    }

    @Test
    void aStrokeInksItsPathWithSoftEdgesAndNothingElse() {
        DrawingRasterizer r = new DrawingRasterizer(100);
        Drawing d = Drawing.EMPTY.with(new Stroke(new float[] {0.2f, 0.503f, 0.8f, 0.503f}, 0.1f));
        float[] ink = r.rasterize(d);
        assertEquals(1f, ink[50 * 100 + 50], 1e-6, "on the line: full ink");
        assertEquals(0f, ink[10 * 100 + 50], 1e-6, "far above the line: paper");
        assertEquals(0f, ink[50 * 100 + 5], 1e-6, "left of the round cap: paper");
        // the edge (radius 5 px from y = 50) is anti-aliased: some pixel has partial ink
        boolean partial = false;
        for (int y = 40; y < 60; y++) {
            float v = ink[y * 100 + 50];
            if (v > 0 && v < 1) partial = true;
        }
        assertTrue(partial, "anti-aliased edge");
        float[] empty = r.rasterize(Drawing.EMPTY);
        for (float v : empty) assertEquals(0f, v);
    }

    @Test
    void undoRemovesStrokesThenThePicture() {
        Drawing picture = Drawing.ofPicture(new float[28 * 28], 28, "test image #1");
        Drawing two = picture.with(new Stroke(new float[] {0.1f, 0.1f}, 0.05f))
                .with(new Stroke(new float[] {0.2f, 0.2f}, 0.05f));
        assertEquals(1, two.undone().strokes().size());
        assertTrue(two.undone().undone().strokes().isEmpty());
        assertTrue(two.undone().undone().background() != null, "the picture stays while strokes are undone");
        assertTrue(two.undone().undone().undone().isEmpty());
    }

    @Test
    void undoRemovesStrokesThenTheExactImage() {
        Drawing image = Drawing.ofDatasetImage(new float[28 * 28], 28, 28, "test image #1");
        assertTrue(image.hasExactInput() && image.background() == null, "a 28x28 dataset image is an exact input");
        assertTrue(!image.isEmpty(), "an exact image, even a blank one, is something on the canvas");
        Drawing one = image.with(new Stroke(new float[] {0.1f, 0.1f}, 0.05f));
        assertTrue(one.hasExactInput(), "strokes go on top of the image");
        assertTrue(one.undone().hasExactInput());
        assertTrue(one.undone().undone().isEmpty());
        Drawing other = Drawing.ofDatasetImage(new float[32 * 32], 32, 32, "imported image #1");
        assertTrue(!other.hasExactInput() && other.background() != null, "another size is digitised like a picture");
    }

    @Test
    void divergingMapIsWhiteAtZeroAndSymmetric() {
        ValueRange r = new ValueRange(-2, 2);
        RGB zero = ColorMap.DIVERGING.rgb(r.index(0));
        assertTrue(zero.red > 240 && zero.green > 240 && zero.blue > 240, "zero is near white: " + zero);
        RGB neg = ColorMap.DIVERGING.rgb(r.index(-2));
        RGB pos = ColorMap.DIVERGING.rgb(r.index(2));
        assertTrue(neg.blue > neg.red, "negative is blue: " + neg);
        assertTrue(pos.red > pos.blue, "positive is red: " + pos);
        assertEquals(0, r.index(-5));
        assertEquals(255, r.index(7));
        assertEquals(255 - r.index(1.0), r.index(-1.0), 1);
        assertEquals(new ValueRange(-3, 3), ValueRange.symmetric(new float[] {1, -3, 2}, 0, 3));
    }

    @Test
    void tileAtlasPaintsEachTileWithItsOwnScaleAndFindsTilesUnderThePointer() {
        TileAtlas atlas = new TileAtlas(3, 2, 2, 2, 3, 1);
        assertEquals(2 * (2 * 3 + 1) + 1, atlas.size().x);
        assertEquals(2 * (2 * 3 + 1) + 1, atlas.size().y);
        assertEquals(0, atlas.tileAt(1, 1));
        assertEquals(1, atlas.tileAt(8, 1));
        assertEquals(2, atlas.tileAt(1, 8));
        assertEquals(-1, atlas.tileAt(8, 8), "no fourth tile");
        assertEquals(-1, atlas.tileAt(7, 1), "the gap between tiles");
        float[] values = {1, 1, 1, 1, 2, 2, 2, 2, -1, -1, -1, -1};
        ValueRange[] perTile = {new ValueRange(-1, 1), new ValueRange(-2, 2), new ValueRange(-1, 1)};
        ImageData data = atlas.paint(values, perTile, ColorMap.DIVERGING, 128);
        assertEquals(255, data.getPixel(1, 1), "tile 0 at its maximum");
        assertEquals(255, data.getPixel(8, 1), "tile 1 at its own maximum");
        assertEquals(0, data.getPixel(1, 8), "tile 2 at its minimum");
        assertEquals(128, data.getPixel(0, 0), "gap");
    }

    @Test
    void confusionCsvHasRowsPrecisionAndRecall() {
        String csv = Csv.confusion(new int[][] {{3, 1}, {0, 4}}, List.of("a", "b"));
        String[] lines = csv.split("\n");
        assertEquals("label,pred_a,pred_b,total,recall", lines[0]);
        assertEquals("a,3,1,4,0.750000", lines[1]);
        assertEquals("b,0,4,4,1.00000", lines[2]);
        assertEquals("precision,1.00000,0.800000,,", lines[3]);
    }
}
