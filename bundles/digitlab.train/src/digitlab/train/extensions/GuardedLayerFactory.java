package digitlab.train.extensions;

import digitlab.nn.Layer;
import digitlab.nn.LayerFactory;
import digitlab.nn.LayerSpec;
import digitlab.nn.ParameterBlock;
import digitlab.nn.Pass;
import digitlab.nn.Rng;
import digitlab.nn.Shape;
import java.util.List;

/**
 * A contributed {@link LayerFactory} as the lab registers it: {@link IllegalArgumentException} (a bad
 * parameter, the documented way to refuse) passes through; anything else the factory or its layers throw
 * disables the contribution and becomes a {@link ContributionFailure} (an {@link IllegalArgumentException}
 * while building, so the architecture check names the layer) that names the plugin.
 */
final class GuardedLayerFactory implements LayerFactory {

    private final LayerFactory delegate;
    private final Guard guard;

    GuardedLayerFactory(LayerFactory delegate, Guard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public Layer create(LayerSpec spec, Shape input) {
        try {
            guard.checkEnabled();
            Layer layer = delegate.create(spec, input);
            if (layer == null) throw new NullPointerException("the factory returned null");
            // Touch what the lab reads right away, so a broken layer fails here and not mid-training.
            layer.inputShape().size();
            layer.outputShape().size();
            if (layer.parameterCount() < 0) throw new IllegalStateException("negative parameterCount " + layer.parameterCount());
            return new GuardedLayer(layer, guard);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (ContributionFailure e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new IllegalArgumentException(guard.fail("creating " + spec, e).getMessage(), e);
        }
    }

    /** Delegates every call; unexpected throwables disable the contribution. */
    static final class GuardedLayer implements Layer {

        private final Layer d;
        private final Guard guard;

        GuardedLayer(Layer delegate, Guard guard) {
            this.d = delegate;
            this.guard = guard;
        }

        /** The contributed layer inside. */
        Layer delegate() {
            return d;
        }

        @Override public String type() { return d.type(); }
        @Override public LayerSpec spec() { return d.spec(); }
        @Override public Shape inputShape() { return d.inputShape(); }
        @Override public Shape outputShape() { return d.outputShape(); }
        @Override public int parameterCount() { return d.parameterCount(); }

        @Override
        public List<ParameterBlock> parameterBlocks() {
            try {
                return d.parameterBlocks();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in parameterBlocks()", e);
            }
        }

        @Override
        public void initialize(float[] params, int offset, Rng rng) {
            try {
                d.initialize(params, offset, rng);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in initialize()", e);
            }
        }

        @Override
        public int scratchSize(int batch) {
            try {
                return d.scratchSize(batch);
            } catch (IllegalArgumentException e) {
                throw e; // documented: a batch too large for the layer's working memory
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in scratchSize()", e);
            }
        }

        @Override
        public void forward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] scratch) {
            try {
                d.forward(pass, params, offset, input, output, scratch);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in forward()", e);
            }
        }

        @Override
        public void backward(Pass pass, float[] params, int offset, float[] input, float[] output,
                             float[] outputGrad, float[] inputGrad, float[] grads, float[] scratch) {
            try {
                d.backward(pass, params, offset, input, output, outputGrad, inputGrad, grads, scratch);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                throw guard.fail("in backward()", e);
            }
        }
    }
}
