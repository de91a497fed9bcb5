package nl.proeftuin.web.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading uploaded CSV: the forms a spreadsheet writes, and an error for every bad row, with its line. */
class MeasurementInputTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2025-03-31, 2025-03-31", "2024-02-29, 2024-02-29", "0001-01-01, 0001-01-01", "2025-03, 2025-03-31",
        "2024-02, 2024-02-29", "2025-Q1, 2025-03-31", "2025q4, 2025-12-31", "2025, 2025-12-31"})
    void readsDatesMonthsQuartersAndYears(String text, LocalDate expected) throws IOException {
        assertThat(read("period,value\n" + text + ",1\n")).extracting(Measurement::period).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025-02-30", "2023-02-29", "2025-13", "2025-00", "2025-04-31", "2025-1-01", "2025-01-1", "2025-0a-01",
        "25-01-01", "2025/01/01", "2025-Q5", "maart"})
    void callsAnythingElseNoDate(String text) {
        assertThat(errors("period,value\n" + text + ",1\n"))
                .containsExactly("Line 2: period \"" + text + "\" is not a date (2025-03-31), month (2025-03),"
                        + " quarter (2025-Q1) or year (2025).");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {"12|12.0", "-0.5|-0.5", "1234.5678|1234.5678", "0.1|0.1", "1e3|1000.0",
        "2.5E-3|0.0025", "+3|3.0", "123456789012345678901234567890|1.2345678901234568E29",
        "0.30000000000000000000000000001|0.3", "9007199254740993|9.007199254740992E15"})
    void readsNumbersAsDecimalsRoundedToDoubles(String text, double expected) throws IOException {
        assertThat(read("period,value\n2025-01-31," + text + "\n")).extracting(Measurement::value)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"NaN", "Infinity", "0x10", "1.2.3", "12d", "--1", "twaalf"})
    void callsTextsThatJavaWouldParseButNoOneWritesNoNumber(String text) {
        assertThat(errors("period,value\n2025-01-31," + text + "\n")).singleElement().asString()
                .startsWith("Line 2: value \"" + text + "\" is not a number");
    }

    @Test
    void readsDecimalCommasInSemicolonFiles() throws IOException {
        assertThat(read("period;value\n2025-01;1.234,5\n2025-02;12,25\n2025-03;7.5\n"))
                .extracting(Measurement::value).containsExactly(1234.5, 12.25, 7.5);
    }

    @Test
    void reportsEveryBadRowInLineOrderAndTheLineOfAnEarlierPeriod() {
        List<String> errors = errors("period,value,source\n2025-01,1,a\n2025-02,x\n2025-01-31,3\n\n2025-13,4\n"
                + "2025-03,5,b,c\n2025-01,6\n");

        assertThat(errors).containsExactly(
                "Line 3: value \"x\" is not a number (use a decimal point, e.g. 1234.5).",
                "Line 4: period 2025-01-31 is also on line 2.",
                "Line 6: period \"2025-13\" is not a date (2025-03-31), month (2025-03), quarter (2025-Q1) or year (2025).",
                "Line 7: expected 2 or 3 fields (period, value, source), found 4.",
                "Line 8: period 2025-01-31 is also on line 2.");
    }

    @Test
    void keepsEveryRowOfALargeFileInOrder() throws IOException {
        StringBuilder csv = new StringBuilder("period,value,source\n");
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < 20_000; i++) {
            csv.append(day.plusDays(i)).append(',').append(i).append(".25,import\n");
        }

        List<Measurement> rows = read(csv.toString());

        assertThat(rows).hasSize(20_000);
        assertThat(rows.get(12_345)).isEqualTo(new Measurement("kpi", day.plusDays(12_345), 12_345.25, "import"));
    }

    private static List<Measurement> read(String csv) throws IOException {
        return MeasurementInput.fromCsv("kpi", new StringReader(csv));
    }

    private static List<String> errors(String csv) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> read(csv));
        assertThat(e).as("an error for %s", csv).isNotNull();
        assertThat(e.getMessage()).contains("nothing was recorded");
        return e.errors();
    }
}
