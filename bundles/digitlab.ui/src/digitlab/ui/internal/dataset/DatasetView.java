package digitlab.ui.internal.dataset;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.layout.RowLayout;
import digitlab.ui.internal.WheelGuard;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.train.Datasets;
import digitlab.ui.DigitLabViews;
import digitlab.ui.ViewJob;
import digitlab.ui.internal.canvas.DigitCanvasView;
import digitlab.ui.internal.canvas.Drawing;
import digitlab.ui.internal.export.ExportActions;
import digitlab.ui.internal.gallery.GalleryPage;
import digitlab.ui.internal.gallery.ImageGallery;

/**
 * Browses the active dataset: its training, validation or test images in a grid with their
 * labels, filtered by label, a page at a time. Datasets are loaded and pages rendered by jobs;
 * double-click an image to load it into the canvas. The choices survive a restart.
 */
public final class DatasetView extends ViewPart {

    /** Images per page. */
    public static final int PAGE = 200;

    private Combo datasetCombo;
    private Combo splitCombo;
    private Combo labelCombo;
    private Button removeFolder;
    private Button previous;
    private Button next;
    private Label info;
    private ScrolledComposite scroller;
    private ImageGallery gallery;
    private static final String DEFAULT_DATASET = "mnist";

    private String datasetId = DEFAULT_DATASET;
    private Split split = Split.TRAIN;
    private int label = -1;
    private int page;
    private volatile Dataset dataset;
    private int[] selection = new int[0];
    /** Newest wins: a dataset chosen while another loads, a page turned while one renders. */
    private final ViewJob.Latest loading = new ViewJob.Latest();
    private final ViewJob.Latest rendering = new ViewJob.Latest();

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        if (memento == null) return;
        if (memento.getString("dataset") != null) datasetId = memento.getString("dataset");
        try {
            if (memento.getString("split") != null) split = Split.parse(memento.getString("split"));
        } catch (IllegalArgumentException e) {
            split = Split.TRAIN;
        }
        if (memento.getInteger("label") != null) label = memento.getInteger("label");
        if (memento.getInteger("page") != null) page = Math.max(0, memento.getInteger("page"));
    }

    @Override
    public void saveState(IMemento memento) {
        memento.putString("dataset", datasetId);
        memento.putString("split", split.label());
        memento.putInteger("label", label);
        memento.putInteger("page", page);
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(6, 6).applyTo(parent);
        // the controls in groups that wrap onto a second line when the view is narrow; the page line below
        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout rows = new RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        rows.marginLeft = rows.marginRight = rows.marginTop = rows.marginBottom = 0;
        rows.spacing = 12;
        bar.setLayout(rows);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Composite datasetGroup = group(bar, 4);
        new Label(datasetGroup, SWT.NONE).setText("Dataset:");
        datasetCombo = new Combo(datasetGroup, SWT.READ_ONLY);
        Runnable imported = () -> ViewJob.inUi(datasetCombo, this::offerDatasets);
        ImportedDatasets.addListener(imported);
        datasetCombo.addDisposeListener(e -> ImportedDatasets.removeListener(imported));
        Runnable drawingsChanged = MyDrawingsActions.listen(datasetCombo, () -> { // My drawings: taught or removed
            if (!info.isDisposed() && MyDrawingsActions.isMyDrawings(datasetId)) loadDataset();
        });
        datasetCombo.addDisposeListener(e -> MyDrawingsActions.unlisten(drawingsChanged));
        datasetCombo.addListener(SWT.Selection, e -> {
            datasetId = datasetCombo.getText();
            label = -1;
            page = 0;
            updateRemoveButton();
            loadDataset();
        });
        Button importFolder = new Button(datasetGroup, SWT.PUSH);
        importFolder.setText("Import\u2026");
        importFolder.setToolTipText("Import a folder of IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; raw or .gz) as a dataset");
        importFolder.addListener(SWT.Selection,
                e -> ImportIdxFolderHandler.chooseAndImport(getSite().getWorkbenchWindow()));
        removeFolder = new Button(datasetGroup, SWT.PUSH);
        removeFolder.setText("Remove");
        removeFolder.setToolTipText("Take this imported IDX folder off the list (its files stay where they are)");
        removeFolder.addListener(SWT.Selection, e -> removeImportedFolder());
        offerDatasets();
        Composite splitGroup = group(bar, 2);
        new Label(splitGroup, SWT.NONE).setText("Part:");
        splitCombo = new Combo(splitGroup, SWT.READ_ONLY);
        for (Split s : Split.values()) splitCombo.add(s.label());
        splitCombo.select(split.ordinal());
        splitCombo.addListener(SWT.Selection, e -> {
            split = Split.values()[splitCombo.getSelectionIndex()];
            page = 0;
            select();
        });
        Composite labelGroup = group(bar, 2);
        new Label(labelGroup, SWT.NONE).setText("Label:");
        labelCombo = new Combo(labelGroup, SWT.READ_ONLY);
        labelCombo.addListener(SWT.Selection, e -> {
            label = labelCombo.getSelectionIndex() - 1;
            page = 0;
            select();
        });
        Composite pages = group(bar, 2);
        previous = new Button(pages, SWT.PUSH);
        previous.setText("\u25C0 Previous");
        previous.addListener(SWT.Selection, e -> {
            page = Math.max(0, page - 1);
            showPage();
        });
        next = new Button(pages, SWT.PUSH);
        next.setText("Next \u25B6");
        next.addListener(SWT.Selection, e -> {
            page++;
            showPage();
        });
        WheelGuard.install(datasetCombo, splitCombo, labelCombo);
        info = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(info);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        gallery = new ImageGallery(scroller);
        scroller.setContent(gallery);
        gallery.setOpenListener(this::openInCanvas);
        scroller.addListener(SWT.Resize, e -> {
            GalleryPage p = gallery.page();
            int columns = GalleryPage.columnsFor(scroller.getClientArea().width, 28);
            if (p != null && p.columns() != columns) showPage();
        });
        ExportActions.contribute(getViewSite(), parent, "dataset");
        loadDataset();
    }

    /** A group of controls kept on one line of the wrapping bar. */
    private static Composite group(Composite bar, int columns) {
        Composite g = new Composite(bar, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).applyTo(g);
        return g;
    }

    /**
     * Lists the datasets on offer (registered, then imported folders, then the current one if it is
     * neither), dropping imported folders that were removed.
     */
    private void offerDatasets() {
        if (datasetCombo.isDisposed()) return;
        List<String> offered = ImportedDatasets.offered();
        for (String item : datasetCombo.getItems()) {
            if (!offered.contains(item) && !item.equals(datasetId)) datasetCombo.remove(item);
        }
        for (String id : offered) if (datasetCombo.indexOf(id) < 0) datasetCombo.add(id);
        if (datasetCombo.indexOf(datasetId) < 0) datasetCombo.add(datasetId);
        datasetCombo.select(datasetCombo.indexOf(datasetId));
        updateRemoveButton();
    }

    /** Remove is for imported folders (off the list) and My drawings (the selected drawing). */
    private void updateRemoveButton() {
        if (removeFolder != null && !removeFolder.isDisposed()) {
            boolean mine = MyDrawingsActions.isMyDrawings(datasetId);
            removeFolder.setEnabled(ImportedDatasets.ids().contains(datasetId) || mine);
            removeFolder.setToolTipText(mine ? "Remove the selected drawing from My drawings (click it first)"
                    : "Take this imported IDX folder off the list (its files stay where they are)");
        }
    }

    /** Forgets the imported folder shown (the files are left alone) and goes back to MNIST. */
    private void removeImportedFolder() {
        String id = datasetId;
        if (MyDrawingsActions.isMyDrawings(id)) {
            MyDrawingsActions.remove(getSite(), info, dataset, split, gallery.page(), gallery.selected(), m -> {
                if (!info.isDisposed()) info.setText(m);
            });
            return;
        }
        if (!ImportedDatasets.ids().contains(id)) return;
        datasetId = DEFAULT_DATASET;
        ImportedDatasets.remove(id); // its listener lists the datasets again
        showDataset(DEFAULT_DATASET);
    }

    /** Switches to dataset {@code id} (listing it if needed), from the first page of all labels. */
    public void showDataset(String id) {
        datasetId = id;
        label = -1;
        page = 0;
        offerDatasets();
        loadDataset();
    }

    /** The id of the dataset shown (or being loaded). */
    public String datasetId() {
        return datasetId;
    }

    /** The dataset shown, or null while loading or after a failure. */
    public Dataset dataset() {
        return dataset;
    }

    /** The datasets the view's list offers. */
    public List<String> offeredDatasets() {
        return List.of(datasetCombo.getItems());
    }

    private void loadDataset() {
        String id = datasetId;
        info.setText("Loading " + id + " \u2026");
        dataset = null;
        loading.schedule(ViewJob.of("Loading dataset " + id, monitor -> Datasets.load(id, -1)).inProgressView().whenDone(loaded -> {
            if (!id.equals(datasetId)) return;
            dataset = loaded;
            labelCombo.removeAll();
            labelCombo.add("all");
            for (String n : loaded.classNames()) labelCombo.add(n);
            labelCombo.select(Math.min(label + 1, labelCombo.getItemCount() - 1));
            // the combo's width follows its new items ("T-shirt/top" is wider than "all"); the bar may wrap anew
            labelCombo.getParent().getParent().getParent().layout(new org.eclipse.swt.widgets.Control[] {labelCombo});
            select();
        }).whenFailed(e -> {
            if (!id.equals(datasetId)) return;
            info.setText("Cannot load " + id + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            gallery.setPage(null);
        }), getSite(), info);
    }

    /** Recomputes the filtered positions (cheap: one pass over the labels) and shows the page. */
    private void select() {
        Dataset d = dataset;
        if (d == null) return;
        ImageSet set = d.part(split);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) if (label < 0 || set.label(i) == label) keep.add(i);
        selection = keep.stream().mapToInt(Integer::intValue).toArray();
        showPage();
    }

    private void showPage() {
        Dataset d = dataset;
        if (d == null) return;
        ImageSet set = d.part(split);
        int pages = Math.max(1, (selection.length + PAGE - 1) / PAGE);
        page = Math.min(page, pages - 1);
        int from = page * PAGE;
        int to = Math.min(selection.length, from + PAGE);
        int[] positions = java.util.Arrays.copyOfRange(selection, from, to);
        previous.setEnabled(page > 0);
        next.setEnabled(page < pages - 1);
        info.setText(selection.length == 0 ? "No images."
                : String.format("%,d\u2013%,d of %,d %s images%s", from + 1, to, selection.length, split.label(),
                        label < 0 ? "" : " labelled " + d.classNames().get(label)));
        info.getParent().layout();
        int columns = GalleryPage.columnsFor(Math.max(100, scroller.getClientArea().width), set.width());
        int captionHeight = gallery.captionHeight(1);
        rendering.schedule(ViewJob.of("Rendering dataset images", monitor -> {
            String[] captions = new String[positions.length];
            for (int i = 0; i < positions.length; i++) {
                captions[i] = d.classNames().get(set.label(positions[i])) + "  #" + set.sourceIndex(positions[i]);
            }
            return GalleryPage.render(set, positions, captions, columns, captionHeight, selection.length);
        }).whenDone(p -> {
            gallery.setPage(p);
            scroller.setMinSize(gallery.getSize());
            scroller.setOrigin(0, 0);
        }), getSite(), gallery);
    }

    private void openInCanvas(int t) {
        GalleryPage p = gallery.page();
        Dataset d = dataset;
        if (p == null || d == null) return;
        int pos = p.positions()[t];
        String name = split.label() + " image #" + p.images().sourceIndex(pos) + " (label "
                + d.classNames().get(p.images().label(pos)) + ")";
        try {
            DigitCanvasView canvas = (DigitCanvasView) getSite().getPage().showView(DigitLabViews.CANVAS);
            canvas.load(Drawing.ofDatasetImage(p.ink(t), p.images().width(), p.images().height(), name));
        } catch (PartInitException e) {
            info.setText("Cannot open the canvas: " + e.getMessage());
        }
    }

    /** The gallery (for tests). */
    public ImageGallery gallery() {
        return gallery;
    }

    /** The button that takes an imported folder off the list (enabled only for one). */
    public Button removeFolderButton() {
        return removeFolder;
    }

    @Override
    public void setFocus() {
        gallery.setFocus();
    }

    @Override
    public void dispose() {
        loading.cancel();
        rendering.cancel();
        super.dispose();
    }
}
