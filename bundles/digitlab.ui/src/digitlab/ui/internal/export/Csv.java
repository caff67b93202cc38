package digitlab.ui.internal.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** CSV text for the views' tables, and an atomic write. Numbers use '.' whatever the locale. */
public final class Csv {

    private Csv() {
    }

    /**
     * The confusion matrix as CSV: a header {@code label,pred_0,...}, one row per true label, then
     * per-class precision and recall rows.
     */
    public static String confusion(int[][] matrix, java.util.List<String> labels) {
        int n = matrix.length;
        StringBuilder sb = new StringBuilder("label");
        for (int c = 0; c < n; c++) sb.append(",pred_").append(quote(labels.get(c)));
        sb.append(",total,recall\n");
        int[] colSum = new int[n];
        for (int r = 0; r < n; r++) {
            int rowSum = 0;
            sb.append(quote(labels.get(r)));
            for (int c = 0; c < n; c++) {
                sb.append(',').append(matrix[r][c]);
                rowSum += matrix[r][c];
                colSum[c] += matrix[r][c];
            }
            sb.append(',').append(rowSum).append(',').append(num(rowSum == 0 ? Double.NaN : (double) matrix[r][r] / rowSum));
            sb.append('\n');
        }
        sb.append("precision");
        for (int c = 0; c < n; c++) sb.append(',').append(num(colSum[c] == 0 ? Double.NaN : (double) matrix[c][c] / colSum[c]));
        sb.append(",,\n");
        return sb.toString();
    }

    /** A number for CSV: plain decimal, empty for NaN. */
    public static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Quotes a text field when it holds a comma, a quote or a line break. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes {@code text} to {@code file} via a temporary file and a rename. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export", ".csv");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
