package digitlab.data.preprocess;

/**
 * The bounding box of the ink in the input drawing, in input pixels: columns {@code x .. x+width-1}, rows
 * {@code y .. y+height-1}. For the canvas to outline what the network was shown.
 *
 * @param x      left column
 * @param y      top row
 * @param width  number of columns (&gt; 0)
 * @param height number of rows (&gt; 0)
 */
public record InkBox(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException for an empty or negative box */
    public InkBox {
        if (width <= 0 || height <= 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("ink box must be non-empty and non-negative: " + x + "," + y + " "
                    + width + "x" + height);
        }
    }
}
