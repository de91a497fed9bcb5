package nl.proeftuin.deployer;

import java.util.List;

/** A file that cannot be deployed, with every reason. */
public class InvalidBundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems the reasons, each a sentence; at least one
     */
    public InvalidBundleException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The reasons.
     *
     * @return every problem found, unmodifiable
     */
    public List<String> problems() {
        return problems;
    }
}
