package nl.proeftuin.store;

import java.util.List;
import java.util.Optional;
import nl.proeftuin.api.model.Lesson;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The lessons (<em>leerpunten</em>) regions share, as an OSGi service of the store bundle.
 *
 * <p>Lessons are never removed when the pilot that contributed them goes away.
 *
 * <p>Thread-safety: every method may be called from any thread; each call is one transaction.
 */
@ProviderType
public interface LessonStore {

    /**
     * All lessons, newest first: by {@link Lesson#date() date} descending, lessons of the same
     * date in the reverse order they were added.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @return an unmodifiable list, empty if there are none
     * @throws StoreException if the database cannot be read
     */
    List<Lesson> lessons();

    /**
     * Stores a new lesson.
     *
     * <p>May be called from any thread; each call is one transaction. When two calls add the same
     * id at the same time, one succeeds and the other fails as a duplicate.
     *
     * @param lesson the lesson; its {@link Lesson#id() id} must not be in use
     * @return the stored lesson, equal to {@code lesson}
     * @throws NullPointerException if {@code lesson} is {@code null}
     * @throws StoreException if a lesson with the same id exists (the message names the id), or
     *     the database rejects it or cannot be reached; nothing was stored
     */
    Lesson add(Lesson lesson);

    /**
     * One lesson by id.
     *
     * <p>May be called from any thread; each call is one transaction.
     *
     * @param id the lesson's id
     * @return the lesson, or empty if there is none with that id
     * @throws NullPointerException if {@code id} is {@code null}
     * @throws StoreException if the database cannot be read
     */
    Optional<Lesson> lesson(String id);
}
