import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

/**
 * Makes the realistic test set in bench/realworld (run once; the images are committed):
 *
 * <pre>
 *   java bench/realworld/MakeTestSet.java FONT_DIR DIGITS_CSV_GZ OUT_DIR
 * </pre>
 *
 * <ul>
 * <li>strokes/VARIANT/L_NNN.png: digits drawn as pen strokes the way people draw them (two or three
 * styles per digit: a 1 with and without flag and base, open and closed 4, 7 with and without crossbar,
 * ...), each with its own jitter, slant, aspect and rotation, rendered at 280x280 like the canvas.
 * Variants: medium, thin, thick (pen 1.5 %, 4 %, 11 % of the side), slant (shear 0.25-0.45 either way),
 * small (a digit 8-16 % of the side, anywhere wholly inside), huge (fills 95 %), inverted (light on dark).
 * strokes/VARIANT.jsonl holds the same strokes as vectors (canvas coordinates 0..1, one object a line:
 * label, pen width, strokes as x,y lists), for the canvas's stroke digitiser.</li>
 * <li>fonts/VARIANT/L_FONT.png: the digits of every .ttf/.otf font under FONT_DIR at 200x200
 * (plain, bold by stroking the outline, slant, inverted, small and off-centre).</li>
 * <li>writers/L_NNNN.png: UCI's optical recognition of handwritten digits as shipped by scikit-learn
 * (digits.csv.gz: 1,797 digits by 43 writers, 32x32 bitmaps counted down to 8x8 blocks of 0-16), as 8x8
 * images: other writers, another resolution. Licence CC BY 4.0 (Alpaydin and Kaynak, UCI).</li>
 * </ul>
 * Seeded: the same inputs give the same images.
 */
public final class MakeTestSet {

    static final int STROKE_SIDE = 280;
    static final int FONT_SIDE = 200;
    static final int PER_STYLE = 6;

    public static void main(String[] args) throws Exception {
        Path fonts = Path.of(args[0]);
        Path digits = Path.of(args[1]);
        Path out = Path.of(args[2]);
        strokes(out.resolve("strokes"));
        fonts(fonts, out.resolve("fonts"));
        writers(digits, out.resolve("writers"));
    }

    // ---------------------------------------------------------------- strokes

    record Pen(String variant, double width, double minSize, double maxSize, double shear, boolean inverted) {
    }

    static void strokes(Path dir) throws IOException {
        Pen[] pens = {
            new Pen("medium", 0.045, 0.55, 0.8, 0.12, false),
            new Pen("thin", 0.015, 0.55, 0.8, 0.12, false),
            new Pen("thick", 0.11, 0.55, 0.8, 0.12, false),
            new Pen("slant", 0.045, 0.55, 0.8, 0.45, false),
            new Pen("small", 0.02, 0.08, 0.16, 0.12, false),
            new Pen("huge", 0.06, 0.92, 0.95, 0.12, false),
            new Pen("inverted", 0.05, 0.55, 0.8, 0.12, true),
        };
        long seed = 20261203;
        for (Pen pen : pens) {
            Path vdir = dir.resolve(pen.variant);
            Files.createDirectories(vdir);
            StringBuilder jsonl = new StringBuilder();
            Random r = new Random(seed++);
            for (int label = 0; label <= 9; label++) {
                List<List<double[]>> styles = Templates.of(label);
                int n = 0;
                for (List<double[]> style : styles) {
                    for (int k = 0; k < PER_STYLE * 3 / styles.size() + 1; k++) {
                        List<double[]> drawn = place(style, pen, r);
                        String name = String.format(Locale.ROOT, "%d_%03d", label, n++);
                        BufferedImage img = render(drawn, pen.width, pen.inverted);
                        ImageIO.write(img, "png", vdir.resolve(name + ".png").toFile());
                        jsonl.append(json(label, name, pen.width, drawn)).append('\n');
                    }
                }
            }
            Files.writeString(dir.resolve(pen.variant + ".jsonl"), jsonl, StandardCharsets.UTF_8);
        }
    }

    /** Jitters, slants, rotates and places a template (unit box, y down) in the canvas (0..1). */
    static List<double[]> place(List<double[]> style, Pen pen, Random r) {
        double shear = (r.nextBoolean() ? 1 : -1) * (pen.shear > 0.2 ? 0.25 + r.nextDouble() * (pen.shear - 0.25)
                : r.nextDouble() * pen.shear);
        if (pen.shear <= 0.2) shear = Math.abs(shear) * (r.nextDouble() < 0.8 ? 1 : -1); // people mostly lean right
        double rot = Math.toRadians((r.nextDouble() * 2 - 1) * 8);
        double aspect = 0.75 + r.nextDouble() * 0.5;
        // smooth jitter: a random low-frequency displacement field
        double[] ph = new double[8];
        for (int i = 0; i < ph.length; i++) ph[i] = r.nextDouble() * Math.PI * 2;
        double jitter = 0.025;
        List<double[]> t = new ArrayList<>();
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (double[] s : style) {
            double[] q = new double[s.length];
            for (int i = 0; i < s.length; i += 2) {
                double x = s[i] - 0.5, y = s[i + 1] - 0.5;
                x += jitter * (Math.sin(3 * y + ph[0]) + Math.sin(5 * x + ph[1]) * 0.5);
                y += jitter * (Math.sin(3 * x + ph[2]) + Math.sin(5 * y + ph[3]) * 0.5);
                x *= aspect;
                x -= shear * y; // y down: a positive shear leans the top right
                double xr = x * Math.cos(rot) - y * Math.sin(rot);
                double yr = x * Math.sin(rot) + y * Math.cos(rot);
                q[i] = xr;
                q[i + 1] = yr;
                x0 = Math.min(x0, xr); x1 = Math.max(x1, xr);
                y0 = Math.min(y0, yr); y1 = Math.max(y1, yr);
            }
            t.add(q);
        }
        double size = pen.minSize + r.nextDouble() * (pen.maxSize - pen.minSize);
        double scale = size / Math.max(x1 - x0, y1 - y0);
        double w = (x1 - x0) * scale, h = (y1 - y0) * scale;
        double margin = pen.width / 2 + 0.01;
        double left = margin + r.nextDouble() * Math.max(0, 1 - 2 * margin - w);
        double top = margin + r.nextDouble() * Math.max(0, 1 - 2 * margin - h);
        if (pen.variant.equals("huge")) {
            left = (1 - w) / 2;
            top = (1 - h) / 2;
        }
        List<double[]> placed = new ArrayList<>();
        for (double[] q : t) {
            double[] p = new double[q.length];
            for (int i = 0; i < q.length; i += 2) {
                p[i] = clamp(left + (q[i] - x0) * scale);
                p[i + 1] = clamp(top + (q[i + 1] - y0) * scale);
            }
            placed.add(p);
        }
        return placed;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static BufferedImage render(List<double[]> strokes, double width, boolean inverted) {
        BufferedImage img = new BufferedImage(STROKE_SIDE, STROKE_SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(inverted ? new Color(20, 20, 20) : Color.WHITE);
        g.fillRect(0, 0, STROKE_SIDE, STROKE_SIDE);
        g.setColor(inverted ? new Color(235, 235, 235) : new Color(26, 26, 26));
        g.setStroke(new BasicStroke((float) (width * STROKE_SIDE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[] s : strokes) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(s[0] * STROKE_SIDE, s[1] * STROKE_SIDE);
            for (int i = 2; i < s.length; i += 2) p.lineTo(s[i] * STROKE_SIDE, s[i + 1] * STROKE_SIDE);
            if (s.length == 2) p.lineTo(s[0] * STROKE_SIDE + 0.01, s[1] * STROKE_SIDE);
            g.draw(p);
        }
        g.dispose();
        return img;
    }

    static String json(int label, String name, double width, List<double[]> strokes) {
        StringBuilder b = new StringBuilder();
        b.append("{\"label\":").append(label).append(",\"name\":\"").append(name).append("\",\"width\":")
                .append(String.format(Locale.ROOT, "%.4f", width)).append(",\"strokes\":[");
        for (int s = 0; s < strokes.size(); s++) {
            if (s > 0) b.append(',');
            b.append('[');
            double[] p = strokes.get(s);
            for (int i = 0; i < p.length; i++) {
                if (i > 0) b.append(',');
                b.append(String.format(Locale.ROOT, "%.4f", p[i]));
            }
            b.append(']');
        }
        return b.append("]}").toString();
    }

    /** Stroke templates in a unit box, y down; each digit in the styles people commonly write it. */
    static final class Templates {
        static List<List<double[]>> of(int digit) {
            return switch (digit) {
                case 0 -> List.of(List.of(arc(0.5, 0.5, 0.3, 0.48, -100, 265)),
                        List.of(arc(0.5, 0.5, 0.36, 0.47, -80, 290)));
                case 1 -> List.of(List.of(line(0.5, 0.02, 0.5, 0.98)),
                        List.of(line(0.3, 0.25, 0.55, 0.02, 0.55, 0.98)),
                        List.of(line(0.28, 0.22, 0.52, 0.02, 0.52, 0.98), line(0.28, 0.98, 0.76, 0.98)));
                case 2 -> List.of(List.of(join(arc(0.5, 0.3, 0.3, 0.28, 200, 380), line(0.8, 0.32, 0.2, 0.98, 0.85, 0.98))),
                        List.of(join(arc(0.48, 0.3, 0.3, 0.28, 190, 400), line(0.76, 0.42, 0.3, 0.9),
                                arc(0.3, 0.88, 0.1, 0.1, -90, 90), line(0.3, 0.98, 0.85, 0.96))));
                case 3 -> List.of(List.of(join(arc(0.45, 0.27, 0.3, 0.25, 200, 450), arc(0.45, 0.73, 0.33, 0.25, 270, 520))),
                        List.of(join(line(0.2, 0.04, 0.78, 0.04, 0.42, 0.42), arc(0.45, 0.7, 0.33, 0.28, 280, 520))));
                case 4 -> List.of(List.of(line(0.3, 0.02, 0.15, 0.6, 0.85, 0.6), line(0.65, 0.25, 0.65, 0.98)),
                        List.of(line(0.7, 0.98, 0.7, 0.02, 0.1, 0.68, 0.92, 0.68)));
                case 5 -> List.of(List.of(join(line(0.8, 0.03, 0.25, 0.03, 0.22, 0.45), arc(0.45, 0.68, 0.35, 0.3, 235, 500))),
                        List.of(join(line(0.25, 0.03, 0.2, 0.45), arc(0.45, 0.68, 0.35, 0.3, 235, 500)), line(0.25, 0.03, 0.8, 0.03)));
                case 6 -> List.of(List.of(join(arc(0.6, 0.55, 0.45, 0.55, 250, 180), arc(0.5, 0.72, 0.32, 0.26, 180, 540))),
                        List.of(join(line(0.7, 0.02, 0.3, 0.5), arc(0.5, 0.72, 0.3, 0.26, 200, 560))));
                case 7 -> List.of(List.of(line(0.12, 0.03, 0.88, 0.03, 0.38, 0.98)),
                        List.of(line(0.12, 0.03, 0.88, 0.03, 0.4, 0.98), line(0.42, 0.5, 0.8, 0.5)),
                        List.of(line(0.12, 0.15, 0.12, 0.03, 0.88, 0.03, 0.45, 0.98)));
                case 8 -> List.of(List.of(join(arc(0.5, 0.26, 0.26, 0.24, 90, 450), arc(0.5, 0.74, 0.32, 0.24, -90, 270))),
                        List.of(join(arc(0.5, 0.25, 0.28, 0.23, 0, -270), line(0.22, 0.25, 0.8, 0.72),
                                arc(0.5, 0.74, 0.3, 0.24, 20, 160), line(0.2, 0.72, 0.77, 0.27))));
                case 9 -> List.of(List.of(join(arc(0.48, 0.28, 0.3, 0.26, 0, 360), line(0.78, 0.28, 0.72, 0.98))),
                        List.of(join(arc(0.48, 0.28, 0.3, 0.26, 10, 370), line(0.78, 0.3, 0.75, 0.7), arc(0.5, 0.7, 0.25, 0.28, 0, 150))));
                default -> throw new IllegalArgumentException();
            };
        }

        static double[] line(double... xy) {
            return xy;
        }

        /** An elliptic arc from angle a0 to a1 in degrees (0 = right, 90 = down), 5 degrees a point. */
        static double[] arc(double cx, double cy, double rx, double ry, double a0, double a1) {
            int n = (int) Math.ceil(Math.abs(a1 - a0) / 5) + 1;
            double[] p = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double a = Math.toRadians(a0 + (a1 - a0) * i / (n - 1));
                p[2 * i] = cx + rx * Math.cos(a);
                p[2 * i + 1] = cy + ry * Math.sin(a);
            }
            return p;
        }

        static double[] join(double[]... parts) {
            int n = 0;
            for (double[] p : parts) n += p.length;
            double[] all = new double[n];
            int o = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, o, p.length);
                o += p.length;
            }
            return all;
        }
    }

    // ---------------------------------------------------------------- fonts

    static void fonts(Path fontDir, Path dir) throws Exception {
        List<Path> files;
        try (var s = Files.walk(fontDir)) {
            files = s.filter(p -> p.toString().matches(".*\\.(ttf|otf)")).sorted().toList();
        }
        String[] variants = {"plain", "bold", "slant", "inverted", "small"};
        for (String v : variants) Files.createDirectories(dir.resolve(v));
        Random r = new Random(7);
        for (Path file : files) {
            Font font;
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(100f);
            } catch (Exception e) {
                continue;
            }
            if (!hasDigits(font)) continue;
            String name = file.getFileName().toString().replaceAll("\\.(ttf|otf)$", "").replaceAll("[^A-Za-z0-9-]", "");
            for (int label = 0; label <= 9; label++) {
                for (String v : variants) {
                    BufferedImage img = glyph(font, label, v, r);
                    if (img != null) ImageIO.write(img, "png", dir.resolve(v).resolve(label + "_" + name + ".png").toFile());
                }
            }
        }
    }

    static boolean hasDigits(Font font) {
        for (char c = '0'; c <= '9'; c++) if (!font.canDisplay(c)) return false;
        // symbol fonts map digits to pictures: a digit's outline must be taller than wide-ish and non-empty
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), "0123456789");
        Rectangle2D b = gv.getOutline().getBounds2D();
        return b.getHeight() > 20 && gv.getGlyphOutline(1).getBounds2D().getHeight() > 20;
    }

    static BufferedImage glyph(Font font, int label, String variant, Random r) {
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), Integer.toString(label));
        Shape outline = gv.getOutline();
        AffineTransform t = new AffineTransform();
        if (variant.equals("slant")) t.shear(-(0.2 + r.nextDouble() * 0.2) * (r.nextBoolean() ? 1 : -1), 0);
        outline = t.createTransformedShape(outline);
        Rectangle2D b = outline.getBounds2D();
        if (b.getHeight() <= 0 || b.getWidth() <= 0) return null;
        double size = variant.equals("small") ? 0.12 + r.nextDouble() * 0.1 : 0.6 + r.nextDouble() * 0.25;
        double scale = size * FONT_SIDE / Math.max(b.getWidth(), b.getHeight());
        double w = b.getWidth() * scale, h = b.getHeight() * scale;
        double bold = variant.equals("bold") ? FONT_SIDE * 0.035 : 0;
        double m = bold + 2;
        double left = variant.equals("small") ? m + r.nextDouble() * (FONT_SIDE - 2 * m - w) : (FONT_SIDE - w) / 2;
        double top = variant.equals("small") ? m + r.nextDouble() * (FONT_SIDE - 2 * m - h) : (FONT_SIDE - h) / 2;
        AffineTransform place = new AffineTransform();
        place.translate(left, top);
        place.scale(scale, scale);
        place.translate(-b.getX(), -b.getY());
        Shape s = place.createTransformedShape(outline);
        boolean inverted = variant.equals("inverted");
        BufferedImage img = new BufferedImage(FONT_SIDE, FONT_SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(inverted ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, FONT_SIDE, FONT_SIDE);
        g.setColor(inverted ? Color.WHITE : Color.BLACK);
        g.fill(s);
        if (bold > 0) {
            g.setStroke(new BasicStroke((float) bold * 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(s);
        }
        g.dispose();
        return img;
    }

    // ---------------------------------------------------------------- other writers

    static void writers(Path csvGz, Path dir) throws IOException {
        Files.createDirectories(dir);
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int n = 0;
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty()) continue;
            String[] f = line.split(",");
            if (f.length != 65) throw new IOException("digits.csv: a row of " + f.length + " fields");
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 0; i < 64; i++) {
                int v = (int) Math.round(Double.parseDouble(f[i]) * 255 / 16);
                img.getRaster().setSample(i % 8, i / 8, 0, v);
            }
            int label = (int) Double.parseDouble(f[64]);
            ImageIO.write(img, "png", dir.resolve(String.format(Locale.ROOT, "%d_%04d.png", label, n++)).toFile());
        }
    }
}
