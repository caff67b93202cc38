package digitlab.p2;

/**
 * One thing installed in the lab that a user can name: a feature or a bundle installed as a root of the lab's p2
 * profile (by the product build, by {@link LabPlugins#install}, by Help > Install New Software... or from
 * {@code dropins/}).
 *
 * @param id what {@link LabPlugins#uninstall} accepts: a feature's id without {@code .feature.group}, or a
 *        bundle's symbolic name
 * @param version its version, e.g. {@code 1.0.0.202612031400}
 * @param name its human name (the feature's label or the bundle's name), or the id when it has none
 * @param origin where it came from: {@code "Digit Lab"} for the lab itself, {@code "product"} for what the
 *        product was built with, {@code "dropins"}, or the repository it was installed from
 * @param partOfLab true when it is part of the lab itself and cannot be uninstalled
 */
public record InstalledPlugin(String id, String version, String name, String origin, boolean partOfLab) {
}
