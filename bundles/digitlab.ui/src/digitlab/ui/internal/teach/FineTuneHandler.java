package digitlab.ui.internal.teach;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** The command "Fine-tune on My Drawings": {@link FineTuneLauncher#start}. */
public final class FineTuneHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        FineTuneLauncher.start(HandlerUtil.getActiveShellChecked(event));
        return null;
    }
}
