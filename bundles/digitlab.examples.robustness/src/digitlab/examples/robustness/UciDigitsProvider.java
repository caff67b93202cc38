package digitlab.examples.robustness;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.ImageDataset;
import digitlab.data.ImageSet;
import digitlab.data.SplitPolicy;
import digitlab.data.preprocess.DigitPreprocessor;
import digitlab.data.preprocess.PreprocessedDigit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Dataset {@code uci-digits}: 1,797 handwritten digits by 43 writers, scanned and counted down to 8x8 blocks of
 * 0-16 ("Optical Recognition of Handwritten Digits", Alpaydin and Kaynak, UCI; the subset scikit-learn ships),
 * brought into MNIST's form the way the canvas brings a small picture (ink box scaled into 20x20, centred by
 * its centre of mass in 28x28). Other writers, another resolution: evaluating a model trained on MNIST on it
 * shows how well it reads digits it has never seen the like of ({@code digitlab eval --dataset uci-digits}).
 * <p>
 * Split: the first 1,000 digits are the training file (its last 200 the validation part), the other 797 the
 * test images. The data ships inside this bundle ({@value #RESOURCE}, 57 KB).
 */
public final class UciDigitsProvider implements DatasetProvider {

    /** The dataset id. */
    public static final String ID = "uci-digits";
    /** The resource holding the digits: CSV lines of 64 values 0-16 (row-major 8x8) and the label. */
    public static final String RESOURCE = "/data/uci-digits.csv.gz";
    /** Digits in the training file; the rest are test images. */
    public static final int TRAINING_FILE = 1000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "UCI handwritten digits (43 writers, 8x8)";
    }

    @Override
    public Dataset load() throws IOException {
        String text;
        try (InputStream raw = UciDigitsProvider.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IOException(RESOURCE + ": missing from the digitlab.examples.robustness bundle");
            try (InputStream in = new GZIPInputStream(raw)) {
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        return parse(text, RESOURCE);
    }

    /**
     * The dataset in {@code csv}.
     *
     * @param source the file's name for messages
     * @throws IOException naming the source and the line for a line that is not 65 numbers in range
     */
    static Dataset parse(String csv, String source) throws IOException {
        String[] lines = csv.strip().split("\\R");
        if (lines.length <= TRAINING_FILE) {
            throw new IOException(source + ": " + lines.length + " digits; at least " + (TRAINING_FILE + 1) + " expected");
        }
        int n = lines.length;
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        DigitPreprocessor preprocessor = new DigitPreprocessor();
        float[] gray = new float[64];
        for (int i = 0; i < n; i++) {
            String[] f = lines[i].split(",");
            if (f.length != 65) throw new IOException(source + ", line " + (i + 1) + ": " + f.length + " values, 65 expected");
            try {
                for (int k = 0; k < 64; k++) {
                    double v = Double.parseDouble(f[k]);
                    if (!(v >= 0 && v <= 16)) throw new NumberFormatException("pixel " + v + " outside 0..16");
                    gray[k] = (float) (v / 16);
                }
                double label = Double.parseDouble(f[64]);
                if (label != Math.rint(label) || label < 0 || label > 9) throw new NumberFormatException("label " + f[64]);
                labels[i] = (byte) label;
            } catch (NumberFormatException e) {
                throw new IOException(source + ", line " + (i + 1) + ": " + e.getMessage());
            }
            // white ink on black: the 8x8 block counts are ink
            Optional<PreprocessedDigit> d = preprocessor.process(gray, 8, 8);
            if (d.isPresent()) {
                byte[] b = d.get().toBytes();
                System.arraycopy(b, 0, pixels, i * 784, 784);
            }
        }
        ImageSet all = ImageSet.of(28, 28, 10, pixels, labels);
        return new ImageDataset(ID, "UCI handwritten digits (43 writers, 8x8)",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), all.range(0, TRAINING_FILE),
                all.range(TRAINING_FILE, n), SplitPolicy.lastImages(200));
    }
}
