package digitlab.data.idx;

import digitlab.data.ImageSet;

/**
 * Joins an images file and a labels file into an {@link ImageSet}, after checking that they agree.
 */
public final class IdxSets {

    private IdxSets() {
    }

    /**
     * Checks that the two files hold the same number of items and that every label is below
     * {@code classCount}, then wraps their bytes (no copy).
     *
     * @param images     an images file (rank 3: count, rows, columns), from {@link IdxReader#readImages}
     * @param labels     a labels file (rank 1), from {@link IdxReader#readLabels}
     * @param classCount the number of classes, 1..256
     * @throws IdxFormatException naming the file and the problem (count mismatch, label out of range)
     */
    public static ImageSet imageSet(IdxArray images, IdxArray labels, int classCount) throws IdxFormatException {
        if (images.rank() != 3) {
            throw new IdxFormatException(images.source(), "has " + images.rank()
                    + " dimension(s) but an images file has 3 (count, rows, columns)");
        }
        if (labels.rank() != 1) {
            throw new IdxFormatException(labels.source(), "has " + labels.rank()
                    + " dimensions but a labels file has 1 (count)");
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labels.source(), "holds " + labels.count() + " labels but "
                    + images.source() + " holds " + images.count() + " images");
        }
        checkLabelRange(labels, classCount);
        return ImageSet.of(images.dimension(2), images.dimension(1), classCount, images.data(), labels.data());
    }

    /**
     * Checks that every label is in {@code 0..classCount-1}.
     *
     * @throws IdxFormatException naming the first label outside the range and its index
     */
    public static void checkLabelRange(IdxArray labels, int classCount) throws IdxFormatException {
        if (classCount < 1 || classCount > 256) {
            throw new IllegalArgumentException("class count must be in 1..256, got " + classCount);
        }
        byte[] data = labels.data();
        for (int i = 0; i < data.length; i++) {
            int label = data[i] & 0xFF;
            if (label >= classCount) {
                throw new IdxFormatException(labels.source(), "label " + label + " at index " + i
                        + " is outside 0.." + (classCount - 1) + " (" + classCount + " classes)");
            }
        }
    }

    /** The largest label in a labels file, or -1 when it is empty. */
    public static int maxLabel(IdxArray labels) {
        int max = -1;
        for (byte b : labels.data()) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }
}
