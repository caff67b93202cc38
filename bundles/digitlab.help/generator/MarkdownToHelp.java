import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns the repository's markdown (README.md, docs/RELIABILITY.md, docs/SWEEPS.md: the user guide; docs/EXTENDING.md: the
 * plugin guide) into Eclipse help pages and table-of-contents files, so that the help system shows the same text
 * as the repository. Run by the build of digitlab.help (see its pom.xml) with the JDK's source launcher:
 * {@code java -cp commonmark.jar:commonmark-ext-gfm-tables.jar MarkdownToHelp.java <repo> <out>}.
 *
 * <p>Each markdown file is cut at its "## " headings into one page per section (the text before the first
 * section is the file's first page); "### " headings become sub-topics pointing at their anchors. Links between
 * the documents go to the page that holds the anchor; pictures are copied next to the pages; links to other
 * repository files (sources, scripts) keep their text and lose the link, since the help has no repository.
 */
public final class MarkdownToHelp {

    /** One markdown file of a guide: its path in the repository and the label of its first page. */
    record Doc(String path, String firstPageLabel) {}

    /** One help page: the nodes of one section of a markdown file. */
    static final class Page {
        final Doc doc;
        final String file; // relative to the bundle, e.g. html/user/03-headless-commands.html
        final String label;
        final List<Node> nodes = new ArrayList<>();
        final Map<String, String> subsections = new LinkedHashMap<>(); // anchor -> label (### headings)

        Page(Doc doc, String file, String label) {
            this.doc = doc;
            this.file = file;
            this.label = label;
        }
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final Path repo;
    private final Path out;
    private final Map<String, List<Page>> pagesByDoc = new LinkedHashMap<>();
    private final Map<String, Page> pageByAnchor = new LinkedHashMap<>(); // "doc path#anchor" -> page

    private MarkdownToHelp(Path repo, Path out) {
        this.repo = repo;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MarkdownToHelp <repository root> <output folder>");
            System.exit(2);
        }
        MarkdownToHelp generator = new MarkdownToHelp(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]));
        List<Doc> user = List.of(new Doc("README.md", "Overview"), new Doc("docs/RELIABILITY.md", "Reliability in detail"),
                new Doc("docs/SWEEPS.md", "Sweeps"));
        List<Doc> plugin = List.of(new Doc("docs/EXTENDING.md", "Overview"));
        for (Doc doc : user) {
            generator.split(doc, "user");
        }
        for (Doc doc : plugin) {
            generator.split(doc, "plugin");
        }
        generator.writePages();
        generator.writeToc("toc-user.xml", "Digit Lab User Guide", user);
        generator.writeToc("toc-plugin.xml", "Digit Lab Plugin Guide", plugin);
        generator.writeStyle();
    }

    private void split(Doc doc, String guide) throws IOException {
        Node document = PARSER.parse(Files.readString(repo.resolve(doc.path()), StandardCharsets.UTF_8));
        String prefix = "html/" + guide + "/" + stem(doc.path()) + "-";
        List<Page> pages = new ArrayList<>();
        Page page = new Page(doc, prefix + "00-overview.html", doc.firstPageLabel());
        pages.add(page);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                String label = text(heading);
                page = new Page(doc, String.format(Locale.ROOT, "%s%02d-%s.html", prefix, pages.size(), slug(label)), label);
                pages.add(page);
            }
            page.nodes.add(node);
            if (node instanceof Heading heading && heading.getLevel() <= 3) {
                String anchor = slug(text(heading));
                pageByAnchor.putIfAbsent(doc.path() + "#" + anchor, page);
                if (heading.getLevel() == 3) {
                    page.subsections.put(anchor, text(heading));
                }
            }
        }
        pagesByDoc.put(doc.path(), pages);
    }

    private void writePages() throws IOException {
        for (List<Page> pages : pagesByDoc.values()) {
            for (Page page : pages) {
                HtmlRenderer renderer = HtmlRenderer.builder()
                        .extensions(List.of(TablesExtension.create()))
                        .attributeProviderFactory(context -> (node, tag, attributes) -> rewrite(page, node, attributes))
                        .build();
                StringBuilder body = new StringBuilder();
                for (Node node : page.nodes) {
                    body.append(renderer.render(node));
                }
                String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                        + escape(page.label) + "</title>\n<link rel=\"stylesheet\" href=\"../style.css\">\n</head>\n<body>\n"
                        + body + "</body>\n</html>\n";
                write(page.file, html);
            }
        }
    }

    /** Anchors on headings; links and pictures pointed at what the help bundle holds. */
    private void rewrite(Page page, Node node, Map<String, String> attributes) {
        if (node instanceof Heading heading) {
            attributes.put("id", slug(text(heading)));
        } else if (node instanceof Image && attributes.containsKey("src")) {
            attributes.put("src", "../" + copyPicture(page.doc, attributes.get("src")));
        } else if (node instanceof Link && attributes.containsKey("href")) {
            String target = linkTarget(page, attributes.get("href"));
            if (target == null) {
                attributes.remove("href");
            } else {
                attributes.put("href", target);
            }
        }
    }

    /** The page (and anchor) a link leads to, relative to a page's folder; null for a file the help lacks. */
    private String linkTarget(Page from, String href) {
        if (href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return href; // https:, mailto:
        }
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        String anchor = hash < 0 ? "" : href.substring(hash + 1);
        String docPath = file.isEmpty() ? from.doc.path() : resolve(from.doc.path(), file);
        if (docPath.endsWith(".png")) {
            return "../" + copyPicture(new Doc("", ""), docPath);
        }
        List<Page> pages = pagesByDoc.get(docPath);
        if (pages == null) {
            return null;
        }
        Page to = anchor.isEmpty() ? pages.get(0) : pageByAnchor.get(docPath + "#" + anchor);
        if (to == null) {
            throw new IllegalStateException(from.doc.path() + ": link to a missing anchor: " + href);
        }
        return "../" + to.file.substring("html/".length()) + (anchor.isEmpty() ? "" : "#" + anchor);
    }

    /** Copies a picture into html/images and returns its path relative to html/. */
    private String copyPicture(Doc doc, String src) {
        String path = doc.path().isEmpty() ? src : resolve(doc.path(), src);
        Path source = repo.resolve(path);
        String name = path.replace('/', '-');
        try {
            Path target = out.resolve("html/images").resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(doc.path() + ": cannot copy the picture " + src, e);
        }
        return "images/" + name;
    }

    private void writeToc(String name, String label, List<Doc> docs) throws IOException {
        StringBuilder toc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?NLS TYPE=\"org.eclipse.help.toc\"?>\n");
        toc.append("<!-- Generated from the repository's markdown by generator/MarkdownToHelp.java: do not edit. -->\n");
        List<Page> first = pagesByDoc.get(docs.get(0).path());
        toc.append("<toc label=\"").append(escape(label)).append("\" topic=\"").append(first.get(0).file).append("\">\n");
        for (Doc doc : docs) {
            List<Page> pages = pagesByDoc.get(doc.path());
            boolean nested = doc != docs.get(0); // a further document is one topic with its sections below it
            if (nested) {
                toc.append("  <topic label=\"").append(escape(pages.get(0).label)).append("\" href=\"").append(pages.get(0).file).append("\">\n");
            }
            for (Page page : nested ? pages.subList(1, pages.size()) : pages) {
                String indent = nested ? "    " : "  ";
                toc.append(indent).append("<topic label=\"").append(escape(page.label)).append("\" href=\"").append(page.file).append('"');
                if (page.subsections.isEmpty()) {
                    toc.append("/>\n");
                    continue;
                }
                toc.append(">\n");
                for (Map.Entry<String, String> sub : page.subsections.entrySet()) {
                    toc.append(indent).append("  <topic label=\"").append(escape(sub.getValue())).append("\" href=\"")
                            .append(page.file).append('#').append(sub.getKey()).append("\"/>\n");
                }
                toc.append(indent).append("</topic>\n");
            }
            if (nested) {
                toc.append("  </topic>\n");
            }
        }
        toc.append("</toc>\n");
        write(name, toc.toString());
    }

    private void writeStyle() throws IOException {
        write("html/style.css", """
                body { font-family: sans-serif; font-size: 10pt; line-height: 1.4; margin: 1em 1.5em; max-width: 60em; }
                h1, h2, h3 { font-weight: 600; } h1 { font-size: 1.6em; } h2 { font-size: 1.35em; } h3 { font-size: 1.1em; }
                code { font-family: monospace; background: #f3f3f3; padding: 0 2px; }
                pre { background: #f3f3f3; padding: 0.6em; overflow-x: auto; } pre code { padding: 0; }
                table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
                img { max-width: 100%; }
                """);
    }

    private void write(String relative, String text) throws IOException {
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String resolve(String fromDoc, String relative) {
        Path base = Path.of(fromDoc).getParent();
        return (base == null ? Path.of(relative) : base.resolve(relative)).normalize().toString().replace('\\', '/');
    }

    private static String stem(String path) {
        String name = Path.of(path).getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    }

    /** A heading's words: its text and code spans, without markup. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString().strip();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
