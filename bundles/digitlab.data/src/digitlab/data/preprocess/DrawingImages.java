package digitlab.data.preprocess;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Reads drawings from image files and turns images into grayscale rasters. */
public final class DrawingImages {

    private DrawingImages() {
    }

    /**
     * Reads an image file with ImageIO.
     *
     * @throws IOException whose message names the file and the problem: missing, a folder, unreadable, not an
     *                     image format ImageIO knows, or damaged
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
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged files as IIOException or, for some decoders, as runtime exceptions
            throw new IOException(file + ": cannot decode the image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(file + ": not an image format that can be read here (use PNG, JPEG, GIF or BMP)");
        }
        return image;
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
}
