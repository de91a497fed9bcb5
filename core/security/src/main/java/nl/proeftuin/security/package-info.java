/**
 * Who may do what on the platform: {@link nl.proeftuin.security.User users} with a
 * {@link nl.proeftuin.security.Role role}, password checks with throttling of failed attempts
 * ({@link nl.proeftuin.security.Authenticator}), web sessions ({@link nl.proeftuin.security.Sessions}),
 * user management ({@link nl.proeftuin.security.UserDirectory}) and the append-only
 * {@link nl.proeftuin.security.AuditLog}.
 *
 * <p>The services are provided by the security bundle and used by the web layer and the
 * deployer; pilots never see this package. Every method may be called from any thread. State
 * lives in the store's database, so several platform nodes sharing one PostgreSQL share users,
 * sessions and the audit log.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
