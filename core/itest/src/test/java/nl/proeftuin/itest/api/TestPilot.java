package nl.proeftuin.itest.api;

/** What the test pilot bundle ({@code nl.proeftuin.itest.pilot}, src/main/java) contributes. */
final class TestPilot {

    static final String REGION = "testland";
    static final String OPGAVE = "testland-warmte";
    static final String KPI = "testland-woningen-aardgasvrij";
    static final String STANDARD_CODE = "woningen-aardgasvrij";
    static final String THEME = "energietransitie";

    private TestPilot() {
    }
}
