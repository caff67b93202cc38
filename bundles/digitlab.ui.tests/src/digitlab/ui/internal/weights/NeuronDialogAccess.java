package digitlab.ui.internal.weights;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Shell;

/** Test access to the weights view's enlarged-neuron dialog (package-private in the host). */
public final class NeuronDialogAccess {

    private NeuronDialogAccess() {
    }

    /** Opens neuron {@code neuron} of the picture shown in {@code view} without blocking; the caller closes it. */
    public static Dialog open(Shell parent, WeightsView view, int neuron) {
        NeuronDialog d = new NeuronDialog(parent, view.shownPicture().matrix(), neuron);
        d.setBlockOnOpen(false);
        d.open();
        return d;
    }
}
