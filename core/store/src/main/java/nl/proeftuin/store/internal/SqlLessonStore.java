package nl.proeftuin.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import nl.proeftuin.api.model.Lesson;
import nl.proeftuin.api.model.Theme;
import nl.proeftuin.store.LessonStore;
import nl.proeftuin.store.StoreException;

/**
 * {@link LessonStore} on any {@link DataSource} holding the store's schema; no OSGi.
 *
 * <p>Thread-safety: may be called from any thread; each call is one transaction.
 */
public final class SqlLessonStore implements LessonStore {

    private static final String COLUMNS =
            "id, region_id, opgave_id, theme, title, text, author, lesson_date";

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param dataSource the database, already migrated (see {@link Migrator}); a pool
     * @param clock the source of {@code recorded_at}, which orders lessons of the same date
     */
    public SqlLessonStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Lesson> lessons() {
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM lesson ORDER BY lesson_date DESC, recorded_at DESC, id");
                        ResultSet rs = ps.executeQuery()) {
                    List<Lesson> lessons = new ArrayList<>();
                    while (rs.next()) {
                        lessons.add(lesson(rs));
                    }
                    return Collections.unmodifiableList(lessons);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not read the lessons: " + Sql.reason(e), e);
        }
    }

    @Override
    public Lesson add(Lesson lesson) {
        Objects.requireNonNull(lesson, "lesson");
        try {
            Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lesson (" + COLUMNS
                        + ", recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, lesson.id());
                    ps.setString(2, lesson.regionId());
                    ps.setString(3, lesson.opgaveId());
                    ps.setString(4, lesson.theme().id());
                    ps.setString(5, lesson.title());
                    ps.setString(6, lesson.text());
                    ps.setString(7, lesson.author());
                    ps.setObject(8, lesson.date());
                    ps.setObject(9, OffsetDateTime.ofInstant(
                            clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                    return ps.executeUpdate();
                }
            });
            return lesson;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new StoreException("A lesson with id \"" + lesson.id()
                        + "\" already exists; lesson ids must be unique across all regions,"
                        + " so choose another id", e);
            }
            throw new StoreException("Could not store lesson \"" + lesson.id() + "\": "
                    + Sql.reason(e), e);
        }
    }

    @Override
    public Optional<Lesson> lesson(String id) {
        Objects.requireNonNull(id, "id");
        try {
            return Sql.transaction(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM lesson WHERE id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(lesson(rs)) : Optional.<Lesson>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("Could not read lesson \"" + id + "\": " + Sql.reason(e), e);
        }
    }

    private static Lesson lesson(ResultSet rs) throws SQLException {
        return new Lesson(rs.getString(1), rs.getString(2), rs.getString(3),
                new Theme(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class));
    }
}
