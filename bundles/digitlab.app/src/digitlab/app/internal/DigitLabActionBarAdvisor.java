package digitlab.app.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * Menus: File (the lab's Open Model, Save Model As, Import and Export commands come from digitlab.ui; Exit),
 * Edit (Undo, Redo: retargeted to the active view's operation history), Window (Show View, Reset
 * Perspective, Preferences) and Help (Help Contents and Search: the guides of digitlab.help; Key Assist, About).
 * Views and plugins add to the "additions" groups.
 */
final class DigitLabActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction exit;
    private IWorkbenchAction about;
    private IWorkbenchAction preferences;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction helpContents;
    private IWorkbenchAction helpSearch;
    private IContributionItem showViews;

    DigitLabActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        exit = ActionFactory.QUIT.create(window);
        about = ActionFactory.ABOUT.create(window);
        preferences = ActionFactory.PREFERENCES.create(window);
        resetPerspective = ActionFactory.RESET_PERSPECTIVE.create(window);
        undo = ActionFactory.UNDO.create(window); // retargeted to the active view's operation history
        redo = ActionFactory.REDO.create(window);
        helpContents = ActionFactory.HELP_CONTENTS.create(window); // the user and plugin guides (digitlab.help)
        helpSearch = ActionFactory.HELP_SEARCH.create(window);
        for (IWorkbenchAction action : new IWorkbenchAction[] {exit, about, preferences, resetPerspective, undo, redo,
                helpContents, helpSearch}) {
            register(action); // so key bindings (Ctrl+Q etc.) reach them and they are disposed with the window
        }
        showViews = ContributionItemFactory.VIEWS_SHORTLIST.create(window);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(exit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        edit.add(undo);
        edit.add(redo);
        edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(showViews);
        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        windowMenu.add(showView);
        windowMenu.add(resetPerspective);
        windowMenu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(new Separator());
        windowMenu.add(preferences);

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(helpContents);
        help.add(helpSearch);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator());
        help.add(new GroupMarker("keys")); // Key Assist... (plugin.xml, the platform's showKeyAssist command)
        help.add(new Separator());
        help.add(about);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }
}
