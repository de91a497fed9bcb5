/**
 * The store of the Proeftuin core: measurements and everything people enter (lessons), and the
 * rows behind users, web sessions and the audit log, kept in a relational database over JDBC
 * (embedded H2 by default, PostgreSQL by configuration).
 *
 * <p>Core bundles use the {@link nl.proeftuin.store.MeasurementStore} and
 * {@link nl.proeftuin.store.LessonStore} services; the security bundle uses
 * {@link nl.proeftuin.store.UserStore}, {@link nl.proeftuin.store.SessionStore} and
 * {@link nl.proeftuin.store.AuditStore}. Pilots never see this package (they deliver data
 * through the API bundle). Every method may be called from any thread, and each call is one
 * database transaction: it either takes effect completely or not at all. Failures of the
 * database surface as {@link nl.proeftuin.store.StoreException}.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
