import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Counts the results in every Surefire, Failsafe and bnd-testing XML report under the given folder and prints one
 * line "N passed, N failed" (", N skipped" when any). Exits 1 when a test failed or no test ran at all.
 * Run with: java .ci/TestReports.java .
 */
public class TestReports {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root)) {
            reports = files.filter(TestReports::isReport).sorted().toList();
        }
        long tests = 0, failed = 0, skipped = 0;
        var factory = DocumentBuilderFactory.newInstance();
        for (Path report : reports) {
            NodeList suites = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testsuite");
            for (int i = 0; i < suites.getLength(); i++) {
                Element suite = (Element) suites.item(i);
                if (hasSuiteChildren(suite)) {
                    continue; // counted through its nested suites
                }
                tests += count(suite, "tests");
                failed += count(suite, "failures") + count(suite, "errors");
                skipped += count(suite, "skipped");
            }
        }
        long passed = tests - failed - skipped;
        System.out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        if (tests == 0) {
            System.err.println("No test reports found under " + root.toAbsolutePath() + ": no test ran.");
        }
        System.exit(failed > 0 || tests == 0 ? 1 : 0);
    }

    private static boolean isReport(Path path) {
        String name = path.getFileName().toString();
        String parent = path.getParent() == null ? "" : path.toString();
        return name.startsWith("TEST-") && name.endsWith(".xml") && parent.contains("target")
                && (parent.contains("surefire-reports") || parent.contains("failsafe-reports") || parent.contains("test-reports"));
    }

    private static boolean hasSuiteChildren(Element suite) {
        NodeList children = suite.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals("testsuite")) {
                return true;
            }
        }
        return false;
    }

    private static long count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Long.parseLong(value.trim());
    }
}
