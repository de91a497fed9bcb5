package nl.proeftuin.api.model;

import java.util.List;
import nl.proeftuin.api.internal.Checks;

/**
 * A theme that groups {@link Opgave opgaven} and {@link Lesson lessons} across regions, so that
 * the core can roll up progress per theme nationally.
 *
 * <p>The constants below are the shared vocabulary; use them where they fit so that regions can
 * be compared. The vocabulary is extensible: any slug is a valid theme. A theme carries no label:
 * the core translates the id through its resource bundles and shows the id itself when it has no
 * label for it.
 *
 * @param id the theme's identifier, a slug such as {@code "energietransitie"}; never
 *     {@code null}
 */
public record Theme(String id) {

    /** The energy transition: insulation, heat networks, renewable generation. */
    public static final Theme ENERGIETRANSITIE = new Theme("energietransitie");
    /** Technical and vocational education. */
    public static final Theme TECHNISCH_ONDERWIJS = new Theme("technisch-onderwijs");
    /** Liveability of neighbourhoods and villages. */
    public static final Theme LEEFBAARHEID = new Theme("leefbaarheid");
    /** The labour market: jobs, skills, shortages. */
    public static final Theme ARBEIDSMARKT = new Theme("arbeidsmarkt");
    /** Housing. */
    public static final Theme WONEN = new Theme("wonen");
    /** Structural reinforcement of buildings, as in the Groningen earthquake area. */
    public static final Theme VERSTERKING = new Theme("versterking");
    /** Making buildings and the economy sustainable. */
    public static final Theme VERDUURZAMING = new Theme("verduurzaming");

    /**
     * Validates the id.
     *
     * @param id see {@link #id()}
     * @throws IllegalArgumentException if {@code id} is not a slug
     */
    public Theme {
        Checks.slug("Theme", "id", id);
    }

    /**
     * The shared vocabulary, in the order the constants are declared.
     *
     * @return an unmodifiable list of the standard themes, never {@code null}
     */
    public static List<Theme> standard() {
        return List.of(ENERGIETRANSITIE, TECHNISCH_ONDERWIJS, LEEFBAARHEID, ARBEIDSMARKT, WONEN,
                VERSTERKING, VERDUURZAMING);
    }
}
