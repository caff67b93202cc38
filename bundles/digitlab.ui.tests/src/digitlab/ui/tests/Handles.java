package digitlab.ui.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.graphics.DeviceData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.Tree;

/**
 * What a long session could leak, counted at one moment (UI thread): heap after GC, JVM threads, the
 * display's live SWT graphics objects (images, colours, fonts, GCs, ... — needs
 * {@link Display#setTracking(boolean)} on; objects created before it was switched on are not seen),
 * widgets, the process's open file descriptors and resident memory (Linux {@code /proc/self}), and the X
 * server's resources held by its clients (windows, pixmaps, GCs, pictures, via {@code xrestop}, when it is
 * installed and the display is the test's own Xvfb).
 */
record Handles(long heapBytes, int threads, int swtObjects, Map<String, Integer> swtByKind, int widgets, int fds,
        long rssKb, XResources x, double load) {

    /** The X server's resources of all clients but the server itself and xrestop; {@link #NONE} if unknown. */
    record XResources(int windows, int pixmaps, int gcs, int pictures, int fonts, long totalBytes) {
        static final XResources NONE = new XResources(-1, -1, -1, -1, -1, -1);

        int handles() {
            return windows < 0 ? -1 : windows + pixmaps + gcs + pictures + fonts;
        }
    }

    /**
     * The component-wise median of {@code hs} (1 to a few samples), so that one sample taken while a tooltip
     * was open or the heap was being resized does not decide a comparison; the kinds are those of the last.
     */
    static Handles median(java.util.List<Handles> hs) {
        java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<Handles>> m = f -> {
            double[] v = hs.stream().mapToDouble(f).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        };
        XResources x = new XResources((int) m.applyAsDouble(h -> h.x().windows()), (int) m.applyAsDouble(h -> h.x().pixmaps()),
                (int) m.applyAsDouble(h -> h.x().gcs()), (int) m.applyAsDouble(h -> h.x().pictures()),
                (int) m.applyAsDouble(h -> h.x().fonts()), (long) m.applyAsDouble(h -> h.x().totalBytes()));
        if (hs.stream().anyMatch(h -> h.x().handles() < 0)) x = XResources.NONE;
        return new Handles((long) m.applyAsDouble(Handles::heapBytes), (int) m.applyAsDouble(Handles::threads),
                (int) m.applyAsDouble(Handles::swtObjects), hs.get(hs.size() - 1).swtByKind(),
                (int) m.applyAsDouble(Handles::widgets), (int) m.applyAsDouble(Handles::fds),
                (long) m.applyAsDouble(Handles::rssKb), x, m.applyAsDouble(Handles::load));
    }

    /** Samples everything; runs System.gc() a few times first (blocks the UI thread for ~0.5 s). */
    static Handles sample(Display d) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Ui.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Integer> kinds = new TreeMap<>();
        int objects = 0;
        DeviceData data = d.getDeviceData();
        if (data.objects != null) {
            for (Object o : data.objects) {
                if (o == null) continue;
                objects++;
                kinds.merge(o.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        int widgets = 0;
        for (Shell s : d.getShells()) widgets += widgets(s);
        return new Handles(heap, ManagementFactory.getThreadMXBean().getThreadCount(), objects, kinds, widgets, openFds(),
                readRssKb(), xResources(), loadAverage());
    }

    /** Controls under {@code c} (itself included), plus the items of tables, trees and tool bars, and menus. */
    static int widgets(Control c) {
        int n = 1;
        if (c instanceof Table t) n += t.getItemCount();
        if (c instanceof Tree t) n += t.getItemCount();
        if (c instanceof ToolBar t) n += t.getItemCount();
        Menu m = c.getMenu();
        if (m != null && !m.isDisposed()) n += 1 + m.getItemCount();
        if (c instanceof Composite comp) for (Control child : comp.getChildren()) n += widgets(child);
        return n;
    }

    static int openFds() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    static long readRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Sums {@code xrestop -b -m 1} over the clients that are neither the server (its block has res_base 0)
     * nor xrestop: on the soak's own Xvfb that is this JVM alone. {@link XResources#NONE} without xrestop.
     */
    static XResources xResources() {
        try {
            Process p = new ProcessBuilder("xrestop", "-b", "-m", "1").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return XResources.NONE;
            int windows = 0, pixmaps = 0, gcs = 0, pictures = 0, fonts = 0;
            long bytes = 0;
            boolean counted = false;
            for (String block : out.split("\n(?=\\d+ - )")) {
                if (!block.matches("(?s)\\d+ - .*") || block.contains(" - xrestop ") || block.contains("res_base      : 0\n")) {
                    continue;
                }
                counted = true;
                windows += field(block, "windows");
                pixmaps += field(block, "pixmaps");
                gcs += field(block, "GCs");
                pictures += field(block, "pictures");
                fonts += field(block, "fonts");
                bytes += field(block, "total bytes");
            }
            return counted ? new XResources(windows, pixmaps, gcs, pictures, fonts, bytes) : XResources.NONE;
        } catch (IOException e) {
            return XResources.NONE; // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return XResources.NONE;
        }
    }

    private static long fieldValue(String block, String name) {
        for (String line : block.split("\n")) {
            String t = line.strip();
            if (t.startsWith(name + " ") || t.startsWith(name + ":")) {
                String v = t.substring(t.indexOf(':') + 1).replaceAll("[^0-9]", "");
                return v.isEmpty() ? 0 : Long.parseLong(v);
            }
        }
        return 0;
    }

    private static int field(String block, String name) {
        return (int) fieldValue(block, name);
    }

    static String csvHeader() {
        return "minute,runs,predictions,heap_mb,threads,swt_objects,widgets,fds,rss_mb,x_windows,x_pixmaps,x_gcs,x_pictures,"
                + "x_fonts,x_total_kb,load,swt_by_kind";
    }

    String csv(double minute, int runs, long predictions) {
        return String.format(Locale.ROOT, "%.2f,%d,%d,%.1f,%d,%d,%d,%d,%.1f,%d,%d,%d,%d,%d,%d,%.2f,\"%s\"", minute, runs,
                predictions, heapBytes / 1e6, threads, swtObjects, widgets, fds, rssKb / 1024.0, x.windows(), x.pixmaps(),
                x.gcs(), x.pictures(), x.fonts(), x.totalBytes() < 0 ? -1 : x.totalBytes() / 1024, load, swtByKind);
    }

    static String tableHeader() {
        return String.format(Locale.ROOT, "%6s %5s %7s %8s %4s %5s %6s %4s %7s %5s %5s", "minute", "runs", "guesses",
                "heap MB", "thr", "swt", "widget", "fds", "RSS MB", "X res", "load");
    }

    String tableRow(double minute, int runs, long predictions) {
        return String.format(Locale.ROOT, "%6.1f %5d %7d %8.1f %4d %5d %6d %4d %7.1f %5s %5.2f", minute, runs, predictions,
                heapBytes / 1e6, threads, swtObjects, widgets, fds, rssKb / 1024.0,
                x.handles() < 0 ? "-" : Integer.toString(x.handles()), load);
    }
}
