package digitlab.p2.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.IStatus;

/**
 * One line out of a p2 status tree: p2 explains a failed plan as a tree ("Cannot complete the install because
 * one or more required items could not be found." > "Software being installed: ..." > "Missing requirement: ...");
 * the line keeps the leaves that say what is wrong.
 */
public final class Problems {

    private static final int MAX_REASONS = 4;

    private Problems() {
    }

    /** @return the status' reasons, most specific first, joined by "; " (at most four, then "...") */
    public static String oneLine(IStatus status) {
        Set<String> leaves = new LinkedHashSet<>();
        collectLeaves(status, leaves);
        List<String> reasons = new ArrayList<>();
        for (String leaf : leaves) {
            if (leaf.startsWith("Missing requirement") || leaf.startsWith("Cannot satisfy") || leaf.contains("conflict")) reasons.add(leaf);
        }
        if (reasons.isEmpty()) {
            for (String leaf : leaves) {
                if (!leaf.startsWith("Software being installed") && !leaf.startsWith("Software currently installed")) reasons.add(leaf);
            }
        }
        if (reasons.isEmpty()) reasons.add(flat(status.getMessage()));
        String line = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS, reasons.size())));
        return reasons.size() > MAX_REASONS ? line + "; ..." : line;
    }

    private static void collectLeaves(IStatus status, Set<String> leaves) {
        IStatus[] children = status.getChildren();
        if (children.length == 0) {
            if (status.getSeverity() != IStatus.OK && status.getMessage() != null && !status.getMessage().isBlank()) {
                leaves.add(flat(status.getMessage()));
            }
            return;
        }
        for (IStatus child : children) collectLeaves(child, leaves);
    }

    private static String flat(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
