package nl.proeftuin.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.proeftuin.api.model.DataPoint;
import nl.proeftuin.api.model.Direction;
import nl.proeftuin.api.model.Kpi;
import nl.proeftuin.api.model.Measurement;
import nl.proeftuin.api.model.RollUp;

/** Small builders so that each test reads as the situation a ministry user sees. */
final class Fixtures {

    private Fixtures() {
    }

    static DataPoint point(int year, int month, int day, double value) {
        return new DataPoint(LocalDate.of(year, month, day), value);
    }

    /**
     * Zeeland's homes insulated (cumulative): 0 on 2021-01-01, 730 on 2023-01-01 (1 a day),
     * 2192 on 2025-01-01 (2 a day over the 731 days of 2023-2024).
     */
    static Kpi woningenGeisoleerd() {
        return kpi("zeeland-woningen-geisoleerd", "woningen", Direction.HIGHER_IS_BETTER,
                RollUp.SUM, "woningen-geisoleerd", point(2021, 1, 1, 0),
                point(2023, 1, 1, 730), point(2025, 1, 1, 2192));
    }

    /** Built-environment CO2 emissions in Zeeland, kton: 1000 down to 270 in 730 days (-1 a day). */
    static Kpi co2Uitstoot() {
        return kpi("zeeland-co2-gebouwde-omgeving", "kton CO2", Direction.LOWER_IS_BETTER,
                RollUp.SUM, "co2-gebouwde-omgeving", point(2021, 1, 1, 1000),
                point(2023, 1, 1, 270));
    }

    static Kpi kpi(String id, String unit, Direction direction, RollUp rollUp, String code,
            DataPoint baseline, DataPoint... targets) {
        return new Kpi(id, id + "-opgave", id.replace('-', ' '), unit, direction, baseline,
                List.of(targets), rollUp, code, null);
    }

    static Measurement m(Kpi kpi, int year, int month, int day, double value) {
        return new Measurement(kpi.id(), LocalDate.of(year, month, day), value, "CBS");
    }

    static Measurement m(Kpi kpi, int year, int month, int day, double value, String recordedAt) {
        return new Measurement(kpi.id(), LocalDate.of(year, month, day), value, "CBS",
                "analist-zeeland", Instant.parse(recordedAt));
    }

    static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
