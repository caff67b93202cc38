package digitlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.nn.kernel.KernelSelector;
import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

/**
 * The core's tests run twice (see the pom of this bundle): with the vector kernels, and with the reference kernels
 * forced by {@code -Ddigitlab.kernels=reference}. Each pass runs the code it is meant to run: the forced pass the
 * scalar loops everywhere (kernels, Adam, activations, dropout), the other one the vector code.
 */
class KernelPassTest {

    @Test
    void eachPassRunsTheCodeItIsFor() {
        boolean forced = "reference".equals(System.getProperty(KernelSelector.PROPERTY));
        assertEquals(!forced, VectorTwins.AVAILABLE, "vector twins of the element-wise layers and optimizers");
        assertEquals(forced, KernelSelector.create(1) instanceof ReferenceKernels, KernelSelector.create(1).name());
    }
}
