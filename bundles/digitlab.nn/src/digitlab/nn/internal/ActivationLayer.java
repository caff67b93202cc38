package digitlab.nn.internal;

import digitlab.nn.Activation;
import digitlab.nn.Layer;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Shape;

/** Applies an element-wise {@link Activation}; shape in = shape out, no parameters. */
public final class ActivationLayer implements Layer {

    private final LayerSpec spec;
    private final Activation f;
    private final Shape shape;

    /** A layer applying {@code f} to samples of {@code shape}. */
    public ActivationLayer(LayerSpec spec, Activation f, Shape shape) {
        this.spec = spec;
        this.f = f;
        this.shape = shape;
    }

    /** The activation function. */
    public Activation activation() {
        return f;
    }

    @Override public String type() { return spec.type(); }
    @Override public LayerSpec spec() { return spec; }
    @Override public Shape inputShape() { return shape; }
    @Override public Shape outputShape() { return shape; }

    // forward: y = f(x), element-wise over [B x n]
    @Override
    public void forward(Pass pass, float[] params, int offset, float[] x, float[] y, float[] scratch) {
        int n = pass.batch() * shape.size();
        for (int i = 0; i < n; i++) y[i] = f.apply(x[i]);
    }

    // backward: dx = dy * f'(x)
    @Override
    public void backward(Pass pass, float[] params, int offset, float[] x, float[] y,
                         float[] dy, float[] dx, float[] grads, float[] scratch) {
        if (dx == null) return;
        int n = pass.batch() * shape.size();
        for (int i = 0; i < n; i++) dx[i] = dy[i] * f.derivative(x[i], y[i]);
    }
}
