package digitlab.train.mydrawings;

import digitlab.data.Dataset;
import digitlab.data.ImageDataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;
import digitlab.nn.ModelMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * My drawings as a {@link Dataset} (id {@value #ID}): the training part holds the drawings to learn from,
 * the test part the held-out ones ({@link MyDrawing#heldOut()}), each in the order taught; no validation
 * part unless another split policy is asked for. A snapshot: later changes of the store make a new one.
 * {@link #drawing} names the drawing behind an image, so that a view can remove it.
 */
public final class MyDrawingsDataset implements Dataset {

    /** The dataset id on command lines ({@code --dataset mydrawings}). */
    public static final String ID = "mydrawings";
    /** The name for people. */
    public static final String NAME = "My drawings";

    private final ImageDataset images;
    private final List<MyDrawing> train;
    private final List<MyDrawing> test;

    /** The dataset of {@code drawings}. */
    public MyDrawingsDataset(List<MyDrawing> drawings) {
        this(split(drawings, false), split(drawings, true), SplitPolicy.none());
    }

    private MyDrawingsDataset(List<MyDrawing> train, List<MyDrawing> test, SplitPolicy policy) {
        this.train = List.copyOf(train);
        this.test = List.copyOf(test);
        this.images = new ImageDataset(ID, NAME, ModelMetadata.digitLabels(MyDrawing.CLASSES), imageSet(this.train),
                imageSet(this.test), policy);
    }

    private static List<MyDrawing> split(List<MyDrawing> all, boolean heldOut) {
        List<MyDrawing> out = new ArrayList<>();
        for (MyDrawing d : all) if (d.heldOut() == heldOut) out.add(d);
        return out;
    }

    private static ImageSet imageSet(List<MyDrawing> drawings) {
        int n = MyDrawing.SIDE * MyDrawing.SIDE;
        byte[] pixels = new byte[drawings.size() * n];
        byte[] labels = new byte[drawings.size()];
        for (int i = 0; i < drawings.size(); i++) {
            System.arraycopy(drawings.get(i).image(), 0, pixels, i * n, n);
            labels[i] = (byte) drawings.get(i).label();
        }
        return ImageSet.of(MyDrawing.SIDE, MyDrawing.SIDE, MyDrawing.CLASSES, pixels, labels);
    }

    /**
     * The drawing behind image {@code sourceIndex} of a part ({@link ImageSet#sourceIndex}): training and
     * validation images index the training drawings, test images the held-out ones.
     *
     * @throws IndexOutOfBoundsException for an index outside the part's file
     */
    public MyDrawing drawing(Split split, int sourceIndex) {
        return split == Split.TEST ? test.get(sourceIndex) : train.get(sourceIndex);
    }

    /** The number of drawings, both parts. */
    public int size() {
        return train.size() + test.size();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    public List<String> classNames() {
        return images.classNames();
    }

    @Override
    public int imageWidth() {
        return MyDrawing.SIDE;
    }

    @Override
    public int imageHeight() {
        return MyDrawing.SIDE;
    }

    @Override
    public ImageSet part(Split split) {
        return images.part(split);
    }

    @Override
    public SplitPolicy splitPolicy() {
        return images.splitPolicy();
    }

    @Override
    public MyDrawingsDataset withSplitPolicy(SplitPolicy policy) {
        return policy.equals(images.splitPolicy()) ? this : new MyDrawingsDataset(train, test, policy);
    }

    @Override
    public String toString() {
        return images.toString();
    }
}
