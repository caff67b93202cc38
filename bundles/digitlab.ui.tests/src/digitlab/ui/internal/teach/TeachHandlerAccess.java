package digitlab.ui.internal.teach;

/** Test access to the teach command's check of the typed digit. */
public final class TeachHandlerAccess {

    private TeachHandlerAccess() {
    }

    /** The problem with {@code text} as a digit, or null when it is one. */
    public static String validate(String text) {
        return TeachHandler.VALIDATOR.isValid(text);
    }
}
