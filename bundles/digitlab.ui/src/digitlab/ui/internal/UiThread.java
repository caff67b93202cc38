package digitlab.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/**
 * Hands work from a background job to the UI thread. When the workbench is closing, a job may finish
 * after the display is gone; its result is then dropped quietly instead of ending the job with
 * "Device is disposed" in the Error Log.
 */
public final class UiThread {

    private UiThread() {
    }

    /** {@code display.asyncExec(work)}, or nothing when the display is (or becomes, meanwhile) disposed. */
    public static void asyncExec(Display display, Runnable work) {
        if (display.isDisposed()) return;
        try {
            display.asyncExec(work);
        } catch (SWTException e) {
            // disposed between the check and the call: the workbench is closing
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) throw e;
        }
    }
}
