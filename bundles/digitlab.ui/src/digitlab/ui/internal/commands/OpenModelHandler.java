package digitlab.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.ui.internal.model.OpenModelAction;

/** File > Open Model...: choose a model file and make it the current model (remembered across restarts). */
public final class OpenModelHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new OpenModelAction(HandlerUtil.getActiveShell(event)).run();
        return null;
    }
}
