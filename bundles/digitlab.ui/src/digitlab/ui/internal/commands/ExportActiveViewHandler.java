package digitlab.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * File > Export > Active View as PNG... / Active View's Data as CSV...: runs the active view's own export
 * entry (every lab view has "Export Picture as PNG..." in its view menu, views with tables of numbers also
 * "Export ... as CSV..."). The format comes from plugin.xml ({@code class="...ExportActiveViewHandler:png"}).
 */
public final class ExportActiveViewHandler extends AbstractHandler implements IExecutableExtension {

    private String format = "png";

    @Override
    public void setInitializationData(IConfigurationElement config, String property, Object data) {
        if (data instanceof String s && !s.isBlank()) format = s.trim();
    }

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        IAction export = part instanceof IViewPart v ? find(v, format) : null;
        if (export == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Export",
                    (part == null ? "No view is active" : "The " + part.getTitle() + " view has nothing to export as "
                            + format.toUpperCase()) + "; click into a lab view first.");
            return null;
        }
        export.run();
        return null;
    }

    /** The view-menu entry of {@code view} that exports as {@code format} ("png" or "csv"), or null. */
    static IAction find(IViewPart view, String format) {
        String suffix = "as " + format.toUpperCase() + "\u2026";
        for (IContributionItem item : view.getViewSite().getActionBars().getMenuManager().getItems()) {
            if (item instanceof ActionContributionItem a && a.getAction().getText() != null
                    && a.getAction().getText().startsWith("Export ") && a.getAction().getText().endsWith(suffix)) {
                return a.getAction();
            }
        }
        return null;
    }
}
