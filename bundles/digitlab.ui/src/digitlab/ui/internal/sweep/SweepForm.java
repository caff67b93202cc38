package digitlab.ui.internal.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import digitlab.train.TrainingSetting;
import digitlab.train.sweep.SweepAxis;
import digitlab.train.sweep.SweepMetric;
import digitlab.train.sweep.SweepSpec;
import digitlab.ui.internal.CheckButtons;
import digitlab.ui.internal.WheelGuard;

/**
 * The Sweep tab's inputs: per setting a "vary" check box (labelled with the setting's own label) and its values,
 * then how to sample (grid, or N random points with a seed), the metric, epochs, runs at once and early stopping.
 * Only widgets: reading and checking what is typed is {@link SweepDraft}'s job (with the engine's
 * {@link SweepSpec}); the settings offered are those a sweep may vary ({@link SweepAxis#SWEEPABLE}), marking the bad fields is done by
 * {@link #mark}. Every edit tells the listeners.
 */
final class SweepForm extends Composite {

    /** Field keys of the sweep's own inputs (the settings' rows use their {@link TrainingSetting#key()}). */
    static final String MODE = "mode", SAMPLES = SweepSpec.FIELD_SAMPLES, SAMPLING_SEED = SweepSpec.FIELD_SAMPLING_SEED,
            METRIC = SweepSpec.FIELD_METRIC, EPOCHS = "sweepEpochs", PARALLEL = SweepSpec.FIELD_PARALLEL,
            EARLY_STOP = SweepSpec.FIELD_EARLY_STOPPING;

    /** Labels of the sweep's own inputs (and of the engine's other sweep fields), for messages. */
    static final Map<String, String> LABELS = Map.of(MODE, "Sampling", SAMPLES, "Random points", SAMPLING_SEED,
            "Sampling seed", METRIC, "Metric", EPOCHS, "Epochs", PARALLEL, "Runs at once", EARLY_STOP, "Early stopping",
            SweepSpec.FIELD_POINTS, "Points", SweepSpec.FIELD_MAX_POINTS, "Point limit", SweepSpec.FIELD_AXES, "Vary");

    private static final String LABEL = "digitlab.sweepForm.label";

    private final Map<TrainingSetting, Button> vary = new LinkedHashMap<>();
    private final Map<TrainingSetting, Text> values = new LinkedHashMap<>();
    private final Map<String, ControlDecoration> decorations = new LinkedHashMap<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Combo mode;
    private final Text samples;
    private final Text samplingSeed;
    private final Combo metric;
    private final Text epochs;
    private final Text parallel;
    private final Button earlyStopping;

    SweepForm(Composite parent) {
        super(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(14, 5).applyTo(this);
        mode = combo(MODE);
        mode.setItems("grid (every combination)", "random points");
        mode.select(0);
        samples = text(SAMPLES, "8");
        samples.setToolTipText("How many random points to train (random sampling only)");
        samplingSeed = text(SAMPLING_SEED, "1");
        samplingSeed.setToolTipText("The seed the random points are drawn with: the same seed draws the same points");
        metric = combo(METRIC);
        for (SweepMetric m : SweepMetric.values()) metric.add(m.label());
        metric.select(SweepMetric.VALIDATION_ACCURACY.ordinal());
        epochs = text(EPOCHS, "3");
        epochs.setToolTipText("Epochs of every run of the sweep (the Single run tab's epochs are not used)");
        int cores = Runtime.getRuntime().availableProcessors();
        parallel = text(PARALLEL, Integer.toString(Math.max(1, cores / 2)));
        parallel.setToolTipText("Runs trained at the same time; their threads share the " + cores + " cores");
        new Label(this, SWT.NONE).setText(LABELS.get(EARLY_STOP) + ":");
        earlyStopping = new Button(this, SWT.CHECK);
        earlyStopping.setText("stop runs behind");
        earlyStopping.setToolTipText("After epochs 1, 2, 4 ... a run goes on only if its validation figure is among the"
                + " best half of the runs that reached that epoch; the others are marked 'stopped early', not failed."
                + " Needs runs of 2 epochs or more.");
        CheckButtons.readable(earlyStopping);
        earlyStopping.addListener(SWT.Selection, e -> changed());
        controls.put(EARLY_STOP, earlyStopping);
        // the sweep's own settings first (in sight in a small view), then the list of settings to vary
        Label sep = new Label(this, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(sep);
        Label head = new Label(this, SWT.WRAP);
        head.setText("Vary (the other settings are the Single run tab's):");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(head);
        for (TrainingSetting s : SweepAxis.SWEEPABLE) { // in form order (an EnumSet)
            Button check = new Button(this, SWT.CHECK);
            check.setText(s.label());
            CheckButtons.readable(check);
            Text t = new Text(this, SWT.BORDER);
            t.setMessage(SweepDraft.example(s));
            t.setToolTipText(SweepDraft.hint(s));
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(t);
            t.setEnabled(false);
            check.addListener(SWT.Selection, e -> {
                t.setEnabled(check.getSelection());
                changed();
            });
            t.addListener(SWT.Modify, e -> changed());
            vary.put(s, check);
            values.put(s, t);
            controls.put(s.key(), t);
            decorate(s.key(), t);
        }
        mode.addListener(SWT.Selection, e -> {
            showRandomRows(isRandom());
            for (Map.Entry<TrainingSetting, Text> v : values.entrySet()) v.getValue().setMessage(
                    isRandom() ? SweepDraft.randomExample(v.getKey()) : SweepDraft.example(v.getKey()));
        });
        showRandomRows(false);
    }

    /** Shows the rows of random sampling (number of points, seed) only when it is chosen: a grid has no use for them. */
    private void showRandomRows(boolean random) {
        for (Text t : List.of(samples, samplingSeed)) {
            t.setEnabled(random);
            for (Control c : List.of(t, (Control) t.getData(LABEL))) {
                ((org.eclipse.swt.layout.GridData) c.getLayoutData()).exclude = !random;
                c.setVisible(random);
            }
        }
        if (getParent() instanceof org.eclipse.swt.custom.ScrolledComposite sc) {
            layout(true);
            sc.notifyListeners(SWT.Resize, new org.eclipse.swt.widgets.Event()); // its scroll range follows
        }
    }

    private Text text(String key, String initial) {
        Label l = new Label(this, SWT.NONE);
        l.setText(LABELS.get(key) + ":");
        GridDataFactory.swtDefaults().applyTo(l);
        Text t = new Text(this, SWT.BORDER);
        t.setData(LABEL, l);
        t.setText(initial);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> changed());
        controls.put(key, t);
        decorate(key, t);
        return t;
    }

    private Combo combo(String key) {
        new Label(this, SWT.NONE).setText(LABELS.get(key) + ":");
        Combo c = new Combo(this, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(c);
        WheelGuard.install(c);
        c.addListener(SWT.Selection, e -> changed());
        controls.put(key, c);
        decorate(key, c);
        return c;
    }

    private void decorate(String key, Control c) {
        ControlDecoration d = new ControlDecoration(c, SWT.LEFT | SWT.TOP);
        d.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        d.hide();
        decorations.put(key, d);
    }

    private void changed() {
        for (Runnable l : listeners) l.run();
    }

    void addChangeListener(Runnable r) {
        listeners.add(r);
    }

    /** Shows {@code problems} (field key to message; absent keys are good) as error marks with the reason on hover. */
    void mark(Map<String, String> problems, Map<String, String> labels) {
        for (Map.Entry<String, ControlDecoration> e : decorations.entrySet()) {
            String message = problems.get(e.getKey());
            if (message == null) {
                e.getValue().hide();
            } else {
                e.getValue().setDescriptionText(labels.getOrDefault(e.getKey(), e.getKey()) + ": " + message);
                e.getValue().show();
            }
        }
    }

    /** The text typed per varied setting (checked rows only), in form order. */
    Map<TrainingSetting, String> varied() {
        Map<TrainingSetting, String> out = new LinkedHashMap<>();
        for (Map.Entry<TrainingSetting, Button> e : vary.entrySet()) {
            if (e.getValue().getSelection()) out.put(e.getKey(), values.get(e.getKey()).getText());
        }
        return out;
    }

    boolean isRandom() {
        return mode.getSelectionIndex() == 1;
    }

    String samplesText() {
        return samples.getText();
    }

    String samplingSeedText() {
        return samplingSeed.getText();
    }

    SweepMetric metric() {
        return SweepMetric.values()[Math.max(0, metric.getSelectionIndex())];
    }

    String epochsText() {
        return epochs.getText();
    }

    String parallelText() {
        return parallel.getText();
    }

    boolean earlyStopping() {
        return earlyStopping.getSelection();
    }

    /** Ticks "vary" for {@code s} as a click does and types {@code text} as its values (tests). */
    void vary(TrainingSetting s, String text) {
        Button b = vary.get(s);
        if (!b.getSelection()) {
            b.setSelection(true);
            b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
        values.get(s).setText(text);
    }

    /** Chooses grid (false) or random (true) sampling, as a user's pick would. */
    void setRandom(boolean random) {
        mode.select(random ? 1 : 0);
        mode.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** The control of a field (a setting's key or one of this class's keys), for tests. */
    Control control(String key) {
        return controls.get(key);
    }

    /** The "vary" check box of {@code s}, for tests. */
    Button varyButton(TrainingSetting s) {
        return vary.get(s);
    }

    /** Whether {@code key} is marked bad. */
    boolean isMarked(String key) {
        ControlDecoration d = decorations.get(key);
        return d != null && d.isVisible();
    }

    /** Enables or disables every input (while a sweep of this tab runs). */
    void setInputsEnabled(boolean enabled) {
        for (Button b : vary.values()) b.setEnabled(enabled);
        for (Map.Entry<TrainingSetting, Text> e : values.entrySet()) {
            e.getValue().setEnabled(enabled && vary.get(e.getKey()).getSelection());
        }
        for (Control c : List.of(mode, metric, epochs, parallel, earlyStopping)) c.setEnabled(enabled);
        samples.setEnabled(enabled && isRandom());
        samplingSeed.setEnabled(enabled && isRandom());
    }
}
