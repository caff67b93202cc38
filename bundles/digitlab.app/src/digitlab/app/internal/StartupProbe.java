package digitlab.app.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;


/**
 * Measures the workbench start, for {@code bench/startup.sh}: with {@code -Ddigitlab.startup.probe=print}
 * (or {@code =exit}) it notes the JVM uptime at each step of the start and, when the Digit Canvas is first
 * painted, prints
 *
 * <pre>
 * digitlab: canvas visible after 4321 ms (JVM uptime)
 * digitlab: start-up steps (JVM uptime, ms): application 1234, plugins 1300, display 1400, ...
 * digitlab: start-up CPU (process user+sys, ms): application 2345, ...
 * digitlab: start-up CPU (UI thread, ms): application 1234, ...
 * </pre>
 *
 * With {@code =exit} it then closes the workbench, so a script can start the product many times in a row.
 * Without the property every method here returns at once and nothing is printed.
 *
 * <p>"Painted" means: the first paint event of a {@link Canvas} (the drawing area, the preview, the bars)
 * inside the canvas view's part, seen through a display filter, so that the view needs to know nothing of
 * this. A paint reaches the filter only after the shell is mapped and the view laid out, which is what a
 * user sees.
 */
final class StartupProbe {

    /** The system property that turns the probe on: {@code print} or {@code exit}. */
    static final String PROPERTY = "digitlab.startup.probe";
    /** The line the probe prints, before the number of milliseconds; bench/startup.sh looks for it. */
    static final String VISIBLE_LINE = "digitlab: canvas visible after ";

    private static final String MODE = System.getProperty(PROPERTY, "");
    private static final boolean ON = MODE.equals("print") || MODE.equals("exit");
    /** e4 puts the part's model element on its top widget under this key (AbstractPartRenderer.OWNING_ME). */
    private static final String OWNING_ME = "modelElement";

    private static final List<String> steps = new ArrayList<>();
    private static final List<String> cpu = new ArrayList<>();
    /** CPU time of the thread that noted each step: the UI thread, where the workbench starts. */
    private static final List<String> uiCpu = new ArrayList<>();
    /** USER_HZ, the unit of /proc/self/stat's times: 100 on every Linux architecture the product runs on. */
    private static final int CLOCK_TICKS = 100;
    private static Listener paintFilter;
    private static boolean reported;

    private StartupProbe() {
    }

    /** True when the probe is on. */
    static boolean isOn() {
        return ON;
    }

    /** Notes that the start reached {@code step}, with the JVM uptime now. */
    static synchronized void mark(String step) {
        if (!ON) return;
        steps.add(step + " " + uptimeMillis());
        cpu.add(step + " " + processCpuMillis());
        uiCpu.add(step + " " + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
    }

    /** Starts watching for the canvas view's first paint (UI thread, after the display exists). */
    static void watch(Display display) {
        if (!ON || paintFilter != null) return;
        paintFilter = e -> {
            if (!reported && e.widget instanceof Canvas c && inCanvasView(c)) {
                reported = true;
                display.asyncExec(() -> report(display)); // after this paint has finished
            }
        };
        display.addFilter(SWT.Paint, paintFilter);
    }

    /** Notes when each view of the window is created (its part opened), while the probe runs. */
    static void watchParts(IWorkbenchWindow window) {
        if (!ON) return;
        window.getPartService().addPartListener(new IPartListener2() {
            @Override
            public void partOpened(IWorkbenchPartReference ref) {
                if (!reported) mark("view " + ref.getId().substring(ref.getId().lastIndexOf('.') + 1));
            }
        });
    }

    private static boolean inCanvasView(Control c) {
        for (Control w = c; w != null; w = w.getParent()) {
            Object element = w.getData(OWNING_ME);
            if (element != null) return digitlab.ui.DigitLabViews.CANVAS.equals(elementId(element));
        }
        return false;
    }

    /** The e4 model element's id, read reflectively so the app does not depend on the e4 model bundle. */
    private static String elementId(Object element) {
        try {
            return String.valueOf(element.getClass().getMethod("getElementId").invoke(element));
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static void report(Display display) {
        long visible = uptimeMillis();
        mark("canvas painted");
        display.removeFilter(SWT.Paint, paintFilter);
        System.out.println(VISIBLE_LINE + visible + " ms (JVM uptime)");
        synchronized (StartupProbe.class) {
            System.out.println("digitlab: start-up steps (JVM uptime, ms): " + String.join(", ", steps)
                    + String.format(Locale.ROOT, "; JVM started at %d (epoch ms)",
                            ManagementFactory.getRuntimeMXBean().getStartTime()));
            System.out.println("digitlab: start-up CPU (process user+sys, ms): " + String.join(", ", cpu));
            System.out.println("digitlab: start-up CPU (UI thread, ms): " + String.join(", ", uiCpu));
        }
        System.out.flush();
        if (MODE.equals("exit")) {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) PlatformUI.getWorkbench().close();
            });
        }
    }

    /**
     * CPU time (user + system) of the whole process so far, from {@code /proc/self/stat} (Linux), or -1
     * where there is none: the JVM's own figure lives in {@code com.sun.management}, which the bundle would
     * have to import.
     */
    private static long processCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
