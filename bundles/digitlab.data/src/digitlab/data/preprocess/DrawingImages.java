package digitlab.data.preprocess;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads drawings from image files and turns images into grayscale rasters. */
public final class DrawingImages {

    /** The largest image accepted, in pixels: 64 million (8000x8000). */
    public static final long MAX_PIXELS = 64_000_000L;

    private DrawingImages() {
    }

    /**
     * Reads an image file with ImageIO.
     *
     * @throws IOException whose message names the file and the problem: missing, a folder, unreadable, not an
     *                     image format ImageIO knows, larger than {@link #MAX_PIXELS}, or damaged
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not an image");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "cannot read the file (permissions)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image format that can be read here (use PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // look at the size before decoding, so a huge image fails cleanly instead of filling the heap
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new IOException(file + ": the image is " + width + "x" + height + " pixels; drawings of up to "
                            + MAX_PIXELS / 1_000_000 + " million pixels are accepted");
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(file + ": ")) {
                    throw e;
                }
                // decoders report damaged files as IIOException or, some of them, as runtime exceptions
                throw new IOException(file + ": cannot decode the image (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The image as luminance values in [0,1] (0 black, 1 white), row-major.
     * <p>
     * Transparent pixels show the background a viewer would expect: the strokes are the opaque pixels, so
     * transparency is laid over white when they are dark and over black when they are light.
     */
    public static float[] toGray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] lum = new float[argb.length];
        float[] alpha = new float[argb.length];
        boolean translucent = false;
        double opaqueLum = 0;
        double opaqueWeight = 0;
        boolean hasAlpha = image.getColorModel().hasAlpha();
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = hasAlpha ? (p >>> 24) / 255f : 1f;
            float l = (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 255f;
            lum[i] = l;
            alpha[i] = a;
            translucent |= a < 1f;
            opaqueLum += a * l;
            opaqueWeight += a;
        }
        if (!translucent) {
            return lum;
        }
        // strokes dark on average -> lay them over white paper; light strokes -> over black
        float paper = opaqueWeight > 0 && opaqueLum / opaqueWeight < 0.5 ? 1f : 0f;
        for (int i = 0; i < lum.length; i++) {
            lum[i] = alpha[i] * lum[i] + (1f - alpha[i]) * paper;
        }
        return lum;
    }

    /**
     * Image {@code i} of {@code set} enlarged {@code factor} times by bilinear interpolation between pixel
     * centres (the edge repeated outside), as grey values in [0, 1], row-major: what a drawing of that digit
     * on a {@code factor}-times larger canvas looks like to the preprocessing, soft edges included. Used to
     * feed dataset images through the canvas's path in tests and benchmarks.
     *
     * @throws IllegalArgumentException when {@code factor} is not 1..64 or {@code i} is not an image of the set
     */
    public static float[] enlarge(digitlab.data.ImageSet set, int i, int factor) {
        if (factor < 1 || factor > 64) throw new IllegalArgumentException("factor " + factor + " is not 1..64");
        if (i < 0 || i >= set.size()) throw new IllegalArgumentException("image " + i + " is not in 0.." + (set.size() - 1));
        int w = set.width();
        int h = set.height();
        int bigW = w * factor;
        int bigH = h * factor;
        float[] big = new float[bigW * bigH];
        for (int yy = 0; yy < bigH; yy++) {
            double y = (yy + 0.5) / factor - 0.5;
            int y0 = (int) Math.floor(y);
            double fy = y - y0;
            for (int xx = 0; xx < bigW; xx++) {
                double x = (xx + 0.5) / factor - 0.5;
                int x0 = (int) Math.floor(x);
                double fx = x - x0;
                double v = (1 - fx) * (1 - fy) * clamped(set, i, x0, y0) + fx * (1 - fy) * clamped(set, i, x0 + 1, y0)
                        + (1 - fx) * fy * clamped(set, i, x0, y0 + 1) + fx * fy * clamped(set, i, x0 + 1, y0 + 1);
                big[yy * bigW + xx] = (float) (v / 255);
            }
        }
        return big;
    }

    /** A pixel of image {@code i}, with the edge repeated outside the image. */
    private static int clamped(digitlab.data.ImageSet set, int i, int x, int y) {
        return set.pixel(i, Math.max(0, Math.min(set.width() - 1, x)), Math.max(0, Math.min(set.height() - 1, y)));
    }
}
