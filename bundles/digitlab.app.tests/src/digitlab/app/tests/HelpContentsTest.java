package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.commands.Command;
import org.eclipse.help.HelpSystem;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.eclipse.help.internal.server.WebappManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;

/**
 * Help > Help Contents: the user guide and the plugin guide (digitlab.help, made from the repository's markdown)
 * are in the help system, every topic and every picture and link of their pages resolves, the help server
 * serves them over HTTP, and the Help menu's commands are enabled in the product.
 */
class HelpContentsTest {

    private static final String USER_GUIDE = "Digit Lab User Guide";
    private static final String PLUGIN_GUIDE = "Digit Lab Plugin Guide";
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"#:]*)(?:#([^\"]*))?\"");

    @Test
    void bothGuidesAreContributedWithTheirSections() {
        Map<String, IToc> tocs = tocs();
        assertTrue(tocs.containsKey(USER_GUIDE), "no user guide among " + tocs.keySet());
        assertTrue(tocs.containsKey(PLUGIN_GUIDE), "no plugin guide among " + tocs.keySet());
        List<String> user = Arrays.stream(tocs.get(USER_GUIDE).getTopics()).map(ITopic::getLabel).toList();
        assertTrue(user.contains("What you can do in the workbench"), user.toString());
        assertTrue(user.contains("Headless commands"), user.toString());
        assertTrue(user.contains("Sweeps"), user.toString()); // docs/SWEEPS.md, its first page
        List<String> plugin = Arrays.stream(tocs.get(PLUGIN_GUIDE).getTopics()).map(ITopic::getLabel).toList();
        assertTrue(plugin.contains("1. Extension points"), plugin.toString());
    }

    @Test
    void everyTopicPictureAndLinkOfTheGuidesResolves() throws IOException {
        Map<String, IToc> tocs = tocs();
        List<ITopic> topics = new ArrayList<>();
        collect(tocs.get(USER_GUIDE).getTopics(), topics);
        collect(tocs.get(PLUGIN_GUIDE).getTopics(), topics);
        assertTrue(topics.size() > 30, "only " + topics.size() + " topics");
        for (ITopic topic : topics) {
            String href = topic.getHref(); // /digitlab.help/html/user/readme-04-headless-commands.html#anchor
            int hash = href.indexOf('#');
            String page = hash < 0 ? href : href.substring(0, hash);
            String html = content(page);
            assertTrue(html.contains("<h"), topic.getLabel() + ": no heading in " + page);
            if (hash >= 0) {
                assertTrue(html.contains("id=\"" + href.substring(hash + 1) + "\""), topic.getLabel() + ": no anchor " + href);
            }
            Matcher link = LINK.matcher(html);
            while (link.find()) {
                if (link.group(1).isEmpty()) continue; // an anchor on the same page
                String target = URI.create(page).resolve(link.group(1)).toString();
                String linked = content(target);
                if (link.group(2) != null && target.endsWith(".html")) {
                    assertTrue(linked.contains("id=\"" + link.group(2) + "\""), page + ": link to a missing anchor " + link.group());
                }
            }
        }
    }

    @Test
    void theHelpServerServesTheHelpWindowAndTheTopics() throws Exception {
        WebappManager.start("help"); // what Help > Help Contents does before it opens its window
        String base = "http://" + WebappManager.getHost() + ":" + WebappManager.getPort() + "/help";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ITopic points = Arrays.stream(tocs().get(PLUGIN_GUIDE).getTopics())
                .filter(t -> t.getLabel().equals("1. Extension points")).findFirst().orElseThrow();
        // the topic's href is "/digitlab.help/html/plugin/extending-NN-1-extension-points.html"
        HttpResponse<String> topic = get(http, base + "/topic" + points.getHref());
        assertEquals(200, topic.statusCode(), topic.body());
        assertTrue(topic.body().contains("digitlab.nn.layers"), topic.body());
        HttpResponse<String> window = get(http, base + "/index.jsp"); // the help window's frameset, a JSP
        assertEquals(200, window.statusCode(), window.body());
        HttpResponse<String> toc = get(http, base + "/advanced/tocfragment"); // what its contents pane lists
        assertEquals(200, toc.statusCode(), toc.body());
        assertTrue(toc.body().contains(USER_GUIDE) && toc.body().contains(PLUGIN_GUIDE), toc.body());
    }

    @Test
    void helpMenuCommandsAreEnabled() {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        processEvents();
        for (String id : List.of("org.eclipse.ui.help.helpContents", "org.eclipse.ui.help.helpSearch",
                "org.eclipse.ui.window.showKeyAssist")) {
            Command command = commands.getCommand(id);
            assertTrue(command.isDefined(), id + " is not defined");
            assertTrue(command.isHandled(), id + " has no handler");
            assertTrue(command.isEnabled(), id + " is disabled");
        }
    }

    private static Map<String, IToc> tocs() {
        Map<String, IToc> byLabel = new LinkedHashMap<>();
        for (IToc toc : HelpSystem.getTocs()) {
            byLabel.put(toc.getLabel(), toc);
        }
        return byLabel;
    }

    private static void collect(ITopic[] topics, List<ITopic> into) {
        for (ITopic topic : topics) {
            into.add(topic);
            collect(topic.getSubtopics(), into);
        }
    }

    private static String content(String href) throws IOException {
        try (InputStream in = HelpSystem.getHelpContent(href)) {
            assertNotNull(in, "the help system has no " + href);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let the window's handlers settle
        }
    }
}
