package digitlab.ui.internal.training;

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

import digitlab.ui.ViewJob;
import digitlab.nn.OptimizerRegistry;
import digitlab.nn.Presets;
import digitlab.ui.internal.dataset.ImportedDatasets;
import digitlab.train.FieldProblem;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.ui.internal.WheelGuard;
import digitlab.ui.internal.CheckButtons;

/**
 * The form of a training run, with inline validation: every edit re-checks the whole request
 * (text that is not a number, then {@link TrainingRequest#validate()}), marks each bad field with an
 * error decoration whose hover gives the reason, and reports the problems to the view (which shows
 * the first one and disables Start). Validation touches no data and allocates no network.
 */
final class TrainingForm extends Composite {

    /** Field labels for messages, by {@link TrainingRequest} field name ({@link TrainingSetting#label()}). */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        for (TrainingSetting s : TrainingSetting.values()) LABELS.put(s.key(), s.label());
    }

    private final Text name;
    private final Combo dataset;
    private final Combo preset;
    private final LayerListEditor layers;
    private final Combo activation;
    private final Combo loss;
    private final Combo optimizer;
    private final Text learningRate;
    private final Text batchSize;
    private final Text epochs;
    private final Text seed;
    private final Text trainingLimit;
    private final Combo schedule;
    private final Text weightDecay;
    private final Text threads;
    private final Button augment;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, ControlDecoration> decorations = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private TrainingRequest base = TrainingRequest.defaults();
    private List<FieldProblem> problems = List.of();
    private TrainingRequest request;
    private boolean filling;
    private int trainingImages;
    private String trainingImagesOf = "";

    TrainingForm(Composite parent) {
        super(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(14, 5).applyTo(this);
        name = text(TrainingSetting.NAME.key());
        name.setMessage("generated from the settings");
        dataset = combo(TrainingSetting.DATASET.key(), SWT.DROP_DOWN);
        offerDatasets();
        // Folders imported while the form is open join its list (imports run their last step on the UI thread).
        Runnable imported = () -> ViewJob.inUi(this, this::offerDatasets);
        ImportedDatasets.addListener(imported);
        addDisposeListener(e -> ImportedDatasets.removeListener(imported));
        preset = combo(TrainingSetting.PRESET.key(), SWT.READ_ONLY);
        preset.setItems(Presets.names().toArray(new String[0]));
        preset.addListener(SWT.Selection, e -> presetChanged());
        label(TrainingSetting.HIDDEN_LAYERS.key());
        layers = new LayerListEditor(this);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(layers);
        controls.put("hiddenLayers", layers.table());
        decorate("hiddenLayers", layers.table());
        layers.addChangeListener(this::changed);
        activation = combo(TrainingSetting.ACTIVATION.key(), SWT.READ_ONLY);
        activation.setItems("sigmoid", "tanh", "relu", "leakyrelu");
        loss = combo(TrainingSetting.LOSS.key(), SWT.READ_ONLY);
        loss.setItems("xent", "quadratic");
        optimizer = combo(TrainingSetting.OPTIMIZER.key(), SWT.READ_ONLY);
        optimizer.setItems(OptimizerRegistry.standard().names().toArray(new String[0]));
        learningRate = text(TrainingSetting.LEARNING_RATE.key());
        batchSize = text(TrainingSetting.BATCH_SIZE.key());
        epochs = text(TrainingSetting.EPOCHS.key());
        seed = text(TrainingSetting.SEED.key());
        trainingLimit = text(TrainingSetting.TRAINING_LIMIT.key());
        trainingLimit.setToolTipText("Train on the first this-many training images only (0 = all): for quick trials");
        schedule = combo(TrainingSetting.SCHEDULE.key(), SWT.DROP_DOWN);
        schedule.setItems("constant", "cosine", "step:3:0.5");
        weightDecay = text(TrainingSetting.WEIGHT_DECAY.key());
        threads = text(TrainingSetting.THREADS.key());
        threads.setToolTipText("Kernel threads for this run; by default one core is left for the workbench");
        label(TrainingSetting.AUGMENT.key());
        augment = new Button(this, SWT.CHECK);
        augment.setText("shift, rotate, scale");
        augment.setToolTipText("Random shifts, rotations and scaling of the training images");
        CheckButtons.readable(augment);
        augment.addListener(SWT.Selection, e -> changed());
        controls.put("augment", augment);
    }

    private Label label(String field) {
        Label l = new Label(this, SWT.NONE);
        l.setText(LABELS.get(field) + ":");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, field.equals("hiddenLayers") ? SWT.BEGINNING : SWT.CENTER)
                .applyTo(l);
        return l;
    }

    private Text text(String field) {
        label(field);
        Text t = new Text(this, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(130, SWT.DEFAULT).applyTo(t);
        t.addListener(SWT.Modify, e -> changed());
        controls.put(field, t);
        decorate(field, t);
        return t;
    }

    /**
     * Lists the datasets on offer (registered ones, then imported IDX folders), dropping folders that were
     * removed; the text stays as typed.
     */
    private void offerDatasets() {
        if (dataset.isDisposed()) return;
        String text = dataset.getText();
        java.util.List<String> offered = ImportedDatasets.offered();
        for (String item : dataset.getItems()) if (!offered.contains(item)) dataset.remove(item);
        for (String id : offered) if (dataset.indexOf(id) < 0) dataset.add(id);
        if (!dataset.getText().equals(text)) dataset.setText(text);
    }

    private Combo combo(String field, int style) {
        label(field);
        Combo c = new Combo(this, style);
        GridDataFactory.fillDefaults().grab(true, false).hint(130, SWT.DEFAULT).applyTo(c);
        WheelGuard.install(c);
        c.addListener(SWT.Modify, e -> changed());
        c.addListener(SWT.Selection, e -> changed());
        controls.put(field, c);
        decorate(field, c);
        return c;
    }

    private void decorate(String field, Control c) {
        ControlDecoration d = new ControlDecoration(c, SWT.LEFT | SWT.TOP);
        d.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        d.hide();
        decorations.put(field, d);
    }

    /** Fills the form from {@code r}. */
    void setRequest(TrainingRequest r) {
        filling = true;
        try {
            base = r;
            name.setText(r.name());
            dataset.setText(r.dataset());
            select(preset, r.preset());
            layers.setLayers(r.hiddenLayers());
            select(activation, r.activation());
            select(loss, r.loss().equals("mse") ? "quadratic" : r.loss());
            select(optimizer, r.optimizer());
            learningRate.setText(plain(r.learningRate()));
            batchSize.setText(Integer.toString(r.batchSize()));
            epochs.setText(Integer.toString(r.epochs()));
            seed.setText(Long.toString(r.seed()));
            trainingLimit.setText(Integer.toString(r.trainingLimit()));
            schedule.setText(r.schedule());
            weightDecay.setText(plain(r.weightDecay()));
            threads.setText(Integer.toString(r.threads()));
            augment.setSelection(r.augment());
        } finally {
            filling = false;
        }
        changed();
    }

    /** A number as people write it: 0.0005, not 5.0E-4. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void select(Combo c, String value) {
        int i = c.indexOf(value);
        if (i >= 0) c.select(i);
        else if ((c.getStyle() & SWT.READ_ONLY) == 0 || value.isEmpty()) c.setText(value);
        else {
            c.add(value);
            c.select(c.indexOf(value));
        }
    }

    private void presetChanged() {
        TrainingRequest current = request != null ? request : base;
        setRequest(current.toBuilder().preset(preset.getText()).build());
    }

    /** Re-validates after an edit and tells the listeners. */
    private void changed() {
        if (filling) return;
        List<FieldProblem> found = new ArrayList<>();
        TrainingRequest.Builder b = base.toBuilder();
        b.name(name.getText()).dataset(dataset.getText()).activation(activation.getText()).loss(loss.getText())
                .optimizer(optimizer.getText()).schedule(schedule.getText()).augment(augment.getSelection());
        if (!preset.getText().equals(base.preset())) b.preset(preset.getText());
        List<Integer> widths = new ArrayList<>();
        List<String> entries = layers.entries();
        for (int i = 0; i < entries.size(); i++) {
            try {
                widths.add(Integer.parseInt(entries.get(i).trim()));
            } catch (NumberFormatException e) {
                found.add(new FieldProblem(TrainingSetting.HIDDEN_LAYERS.key(), "layer " + (i + 1) + ": '" + entries.get(i)
                        + "' is not a whole number"));
            }
        }
        b.hiddenLayers(widths);
        Double lr = FieldParsing.decimal(learningRate, TrainingSetting.LEARNING_RATE.key(), found);
        if (lr != null) b.learningRate(lr);
        Long batch = FieldParsing.whole(batchSize, TrainingSetting.BATCH_SIZE.key(), Integer.MAX_VALUE, found);
        if (batch != null) b.batchSize(batch.intValue());
        Long ep = FieldParsing.whole(epochs, TrainingSetting.EPOCHS.key(), Integer.MAX_VALUE, found);
        if (ep != null) b.epochs(ep.intValue());
        Long sd = FieldParsing.whole(seed, TrainingSetting.SEED.key(), Long.MAX_VALUE, found);
        if (sd != null) b.seed(sd);
        Long limit = FieldParsing.whole(trainingLimit, TrainingSetting.TRAINING_LIMIT.key(), Integer.MAX_VALUE, found);
        if (limit != null) {
            b.trainingLimit(limit.intValue());
            if (trainingImages > 0 && limit > trainingImages) {
                found.add(new FieldProblem(TrainingSetting.TRAINING_LIMIT.key(), String.format("%,d is more than the %,d training images of %s",
                        limit, trainingImages, trainingImagesOf)));
            }
        }
        Long th = FieldParsing.whole(threads, TrainingSetting.THREADS.key(), Integer.MAX_VALUE, found);
        if (th != null) {
            b.threads(th.intValue());
            int cores = Runtime.getRuntime().availableProcessors();
            if (th > cores) {
                found.add(new FieldProblem(TrainingSetting.THREADS.key(), String.format("%,d is more than the %d cores of this computer", th, cores)));
            }
        }
        Double wd = FieldParsing.decimal(weightDecay, TrainingSetting.WEIGHT_DECAY.key(), found);
        if (wd != null) b.weightDecay(wd);
        TrainingRequest r = b.build();
        for (FieldProblem p : r.validate()) {
            if (found.stream().noneMatch(f -> f.field().equals(p.field()))) found.add(p);
        }
        found.sort((x, y) -> Integer.compare(TrainingRequest.FIELDS.indexOf(x.field()),
                TrainingRequest.FIELDS.indexOf(y.field())));
        problems = List.copyOf(found);
        request = found.isEmpty() ? r : null;
        for (Map.Entry<String, ControlDecoration> e : decorations.entrySet()) {
            String message = null;
            for (FieldProblem p : found) {
                if (p.field().equals(e.getKey())) {
                    message = message == null ? p.message() : message + "\n" + p.message();
                }
            }
            if (message == null) {
                e.getValue().hide();
            } else {
                e.getValue().setDescriptionText(LABELS.get(e.getKey()) + ": " + message);
                e.getValue().show();
            }
        }
        for (Runnable l : listeners) l.run();
    }

    /**
     * Tells the form how many training images dataset {@code id} has (looked up off the UI thread), so that a
     * larger "Training images" is marked; 0 when unknown.
     */
    void setTrainingImages(String id, int count) {
        if (!id.equals(dataset.getText().trim())) return;
        trainingImages = count;
        trainingImagesOf = id;
        changed();
    }

    /** Sets the Threads field (Preferences > Digit Lab > Training changed). */
    void setThreads(int n) {
        threads.setText(Integer.toString(n));
    }

    /** The dataset id typed in the form. */
    String datasetId() {
        return dataset.getText().trim();
    }

    /** Adds a listener called when the dataset field changes. */
    void addDatasetListener(Runnable r) {
        dataset.addListener(SWT.Modify, e -> {
            if (trainingImages == 0) {
                r.run();
                return;
            }
            trainingImages = 0;
            changed();
            r.run();
        });
    }

    /** The valid request the form shows, or null while it has problems. */
    TrainingRequest request() {
        return request;
    }

    /** The request as far as it can be read (for saving the form between sessions). */
    TrainingRequest bestEffortRequest() {
        return request != null ? request : base;
    }

    /** The problems, in form order; empty when the request is valid. */
    List<FieldProblem> problems() {
        return problems;
    }

    /** The control of {@code field} (for tests). */
    Control control(String field) {
        return controls.get(field);
    }

    /** Whether {@code field} is marked bad. */
    boolean isMarked(String field) {
        return decorations.get(field).isVisible();
    }

    void addChangeListener(Runnable r) {
        listeners.add(r);
    }

    /** Enables or disables all inputs (while a run trains). */
    void setInputsEnabled(boolean enabled) {
        for (Control c : controls.values()) c.setEnabled(enabled);
        layers.setEnabled(enabled);
        for (Control c : layers.getChildren()) {
            c.setEnabled(enabled);
            if (c instanceof Composite comp) for (Control k : comp.getChildren()) k.setEnabled(enabled);
        }
    }
}
