package digitlab.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetRegistry;
import digitlab.data.Split;
import digitlab.nn.Architecture;
import digitlab.nn.Evaluation;
import digitlab.nn.LayerRegistry;
import digitlab.nn.Network;
import digitlab.nn.OptimizerRegistry;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingResult;
import digitlab.nn.kernel.ReferenceKernels;
import digitlab.nn.onnx.OnnxExport;
import digitlab.nn.onnx.OnnxMappings;
import digitlab.train.ImageSetSource;
import digitlab.train.extensions.ContributionFailure;
import digitlab.train.extensions.ContributionLoader;
import digitlab.train.extensions.ContributionProblem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This plugin's contributions (plugin.xml) as the lab sees them: the good dataset, layer, optimizer and
 * preset are registered and train a network; the broken ones are logged with this plugin's name and skipped
 * (class not found, constructor throws, wrong type, taken id) or disabled when their code throws in use
 * (a layer's forward pass, an optimizer's step, a dataset's load).
 */
class ContributionsTest {

    static final String ME = "digitlab.examples.tests";
    static final List<IStatus> LOGGED = new CopyOnWriteArrayList<>();
    static final ILogListener LISTENER = (status, plugin) -> LOGGED.add(status);
    static ContributionLoader loader;

    @BeforeAll
    static void load() {
        Platform.addLogListener(LISTENER);
        loader = ContributionLoader.loadAll();
    }

    @AfterAll
    static void stopListening() {
        Platform.removeLogListener(LISTENER);
    }

    @Test
    void loadingIsIdempotent() {
        int layers = LayerRegistry.standard().types().size();
        assertSame(loader, ContributionLoader.loadAll());
        assertEquals(layers, LayerRegistry.standard().types().size());
    }

    @Test
    void goodContributionsAreRegistered() {
        assertTrue(LayerRegistry.standard().contains("scaleshift"));
        assertTrue(OptimizerRegistry.standard().contains("rmsprop"));
        assertTrue(Presets.names().contains("stripes-net"));
        assertTrue(DatasetRegistry.standard().providers().stream().anyMatch(p -> p.id().equals("stripes")));
        assertTrue(loader.registered().stream().anyMatch(c -> c.id().equals("scaleshift") && c.contributor().equals(ME)));
    }

    @Test
    void trainsWithTheContributedDatasetLayerOptimizerAndPreset() throws IOException {
        Dataset stripes = DatasetRegistry.standard().load("stripes");
        Preset preset = Presets.get("stripes-net");
        Network net = new Network(preset.architecture());
        assertEquals("scaleshift", net.layers().get(0).type());
        Trainer trainer = new Trainer(net, preset.config(), new ReferenceKernels(1));
        TrainingResult result = trainer.train(new ImageSetSource(stripes.part(Split.TRAIN)),
                new ImageSetSource(stripes.part(Split.VALIDATION)), null, null);
        assertEquals(TrainingResult.Status.COMPLETED, result.status(), result.message());
        Evaluation test = trainer.evaluate(new ImageSetSource(stripes.part(Split.TEST)));
        assertTrue(test.accuracy() >= 0.95, "test accuracy " + test.accuracy());
    }

    @Test
    void aLayersOnnxMappingIsRegisteredAndExportsItsModels() throws IOException {
        assertNotNull(OnnxMappings.standard().find("scaleshift"));
        Preset preset = Presets.get("stripes-net");
        Network net = new Network(preset.architecture());
        digitlab.nn.Model m = new digitlab.nn.Model(digitlab.nn.ModelSnapshot.of(net, net.initialParameters(1)),
                new digitlab.nn.ModelMetadata("stripes", digitlab.nn.ModelMetadata.digitLabels(net.outputSize()),
                        digitlab.nn.InputNormalization.IDENTITY, null, java.util.Map.of(), java.time.Instant.now(), java.util.Map.of()));
        byte[] onnx = OnnxExport.toBytes(m, "stripes-net", OnnxMappings.standard());
        assertTrue(onnx.length > 100);
        // the broken mapping of 'explosive' is logged and skipped; the layer type itself stays
        assertTrue(LayerRegistry.standard().contains("explosive"));
        assertNull(OnnxMappings.standard().find("explosive"));
        assertProblem("explosive", "NoSuchOnnxMapping not found");
    }

    @Test
    void classNotFoundIsLoggedWithThePluginAndSkipped() {
        assertFalse(LayerRegistry.standard().contains("ghost"));
        assertProblem("ghost", "NoSuchLayerFactory not found");
    }

    @Test
    void exceptionInAConstructorIsLoggedWithThePluginAndSkipped() {
        assertFalse(OptimizerRegistry.standard().contains("crashing"));
        assertProblem("crashing", CrashingOptimizerFactory.MESSAGE);
    }

    @Test
    void wrongTypeAndTakenIdsAreLoggedAndSkipped() {
        assertFalse(Presets.names().contains("wrongtype"));
        assertProblem("wrongtype", "does not implement java.util.function.Supplier");
        assertProblem("'dense'", "already registered");
        // the built-in dense layer is untouched
        assertEquals("dense", new Network(Architecture.parse("4 -> dense(2)"), LayerRegistry.standard()).layers().get(0).type());
    }

    @Test
    void aLayerThatThrowsWhileTrainingIsDisabledAndNamesThePlugin() throws IOException {
        Dataset stripes = DatasetRegistry.standard().load("stripes");
        Architecture arch = Architecture.parse("1x8x8 -> explosive -> dense(2) -> softmax");
        Network net = new Network(arch);
        Trainer trainer = new Trainer(net, Presets.get("stripes-net").config(), new ReferenceKernels(1));
        ContributionFailure failure = assertThrows(ContributionFailure.class,
                () -> trainer.train(new ImageSetSource(stripes.part(Split.TRAIN)), null, null, null));
        assertTrue(failure.getMessage().contains("plugin '" + ME + "'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("disabled"), failure.getMessage());
        assertTrue(failure.getCause().getMessage().contains(ExplodingLayer.MESSAGE));

        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> new Network(arch));
        assertTrue(again.getMessage().contains("disabled after an error"), again.getMessage());
        ContributionProblem p = assertProblem("explosive", ExplodingLayer.MESSAGE);
        assertTrue(p.disabled());
    }

    @Test
    void anOptimizerThatThrowsWhileTrainingIsDisabledAndNamesThePlugin() throws IOException {
        Dataset stripes = DatasetRegistry.standard().load("stripes");
        Preset preset = Presets.get("stripes-net");
        Trainer trainer = new Trainer(new Network(preset.architecture()), preset.config().withOptimizer("unstable"),
                new ReferenceKernels(1));
        ContributionFailure failure = assertThrows(ContributionFailure.class,
                () -> trainer.train(new ImageSetSource(stripes.part(Split.TRAIN)), null, null, null));
        assertTrue(failure.getMessage().contains("optimizer 'unstable'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("plugin '" + ME + "'"), failure.getMessage());

        ContributionFailure again = assertThrows(ContributionFailure.class,
                () -> new Trainer(new Network(preset.architecture()), preset.config().withOptimizer("unstable"),
                        new ReferenceKernels(1)));
        assertTrue(again.getMessage().contains("disabled after an error"), again.getMessage());
        assertTrue(assertProblem("unstable", UnstableOptimizerFactory.MESSAGE).disabled());
    }

    @Test
    void aDatasetThatThrowsIsDisabledAndNamesThePlugin() throws IOException {
        IOException e = assertThrows(IOException.class, () -> DatasetRegistry.standard().load("faulty"));
        assertTrue(e.getMessage().contains("plugin '" + ME + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(FaultyProvider.MESSAGE), e.getMessage());
        assertFalse(DatasetRegistry.standard().resolve("faulty").isAvailable());
        assertTrue(assertProblem("faulty", FaultyProvider.MESSAGE).disabled());
    }

    /** A problem naming {@code what} from this plugin, in the loader's list and in the Eclipse log. */
    private static ContributionProblem assertProblem(String what, String reason) {
        ContributionProblem found = loader.problems().stream()
                .filter(p -> p.what().contains(what) && p.message().contains(reason)).findFirst().orElse(null);
        assertNotNull(found, "no problem about " + what + " / " + reason + " in " + loader.problems());
        assertEquals(ME, found.contributor());
        assertTrue(found.message().startsWith("Plugin '" + ME + "'"), found.message());
        assertTrue(LOGGED.stream().anyMatch(s -> s.getPlugin().equals(ME) && s.getMessage().equals(found.message())),
                "not in the Eclipse log: " + found.message());
        return found;
    }
}
