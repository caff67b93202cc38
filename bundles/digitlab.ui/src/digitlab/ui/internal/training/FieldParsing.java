package digitlab.ui.internal.training;

import java.util.List;

import org.eclipse.swt.widgets.Text;

import digitlab.train.FieldProblem;

/**
 * Numbers typed into the training form, read as people write them: "0.001", "1e-3", "55,000", "55_000". A text
 * that is no number, or too large for its field, adds one problem naming what was typed ("'99999999999999999999'
 * is too large (at most 9,223,372,036,854,775,807)") instead of a number.
 */
final class FieldParsing {

    private FieldParsing() {
    }

    /** The decimal number in {@code t}, or null with a problem added. */
    static Double decimal(Text t, String field, List<FieldProblem> found) {
        String s = t.getText().trim();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            found.add(new FieldProblem(field, s.isEmpty() ? "is empty" : "'" + s + "' is not a number"));
            return null;
        }
    }

    /** The whole number in {@code t} (digit groups with ',' or '_' allowed), or null with a problem added. */
    static Long whole(Text t, String field, long max, List<FieldProblem> found) {
        String s = t.getText().trim();
        java.math.BigInteger v;
        try {
            // "55,000" and "55_000" as people write them; "5,5" stays an error
            String digits = s.matches("[-+]?\\d{1,3}(,\\d{3})+") ? s.replace(",", "") : s.replace("_", "");
            v = new java.math.BigInteger(digits);
        } catch (NumberFormatException e) {
            found.add(new FieldProblem(field, s.isEmpty() ? "is empty" : "'" + s + "' is not a whole number"));
            return null;
        }
        if (v.abs().compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            found.add(new FieldProblem(field, "'" + s + "' is too large (at most " + String.format("%,d", max) + ")"));
            return null;
        }
        return v.longValue();
    }
}
