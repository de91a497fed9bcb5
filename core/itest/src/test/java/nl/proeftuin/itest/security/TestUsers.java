package nl.proeftuin.itest.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.proeftuin.itest.support.Api;
import nl.proeftuin.itest.support.Ids;
import nl.proeftuin.security.Role;
import nl.proeftuin.security.User;
import nl.proeftuin.security.UserDirectory;
import nl.proeftuin.security.UserException;

/**
 * Users a test makes through the {@link UserDirectory}, each with a name no earlier run used (the store keeps its
 * users), and removes again at the end.
 */
final class TestUsers implements AutoCloseable {

    /** What a test logs in with. */
    record Account(String username, String password) {
        /** @return the value of an HTTP Basic {@code Authorization} header */
        String basic() {
            return Api.basic(username, password);
        }
    }

    /** The built-in admin of the test framework. */
    static final Account ADMIN = new Account(User.ADMIN, Api.ADMIN_PASSWORD);

    private final UserDirectory directory;
    private final List<String> created = new ArrayList<>();

    TestUsers(UserDirectory directory) {
        this.directory = directory;
    }

    /**
     * Adds a user.
     *
     * @param role the role
     * @param regions the regions, for an editor
     * @return the account
     */
    Account create(Role role, String... regions) {
        String username = Ids.unique(role.id());
        String password = "itest-" + Ids.unique("pw");
        directory.create(new User(username, role, Set.of(regions)), password, "itest");
        created.add(username);
        return new Account(username, password);
    }

    /**
     * Removes a user made another way (through the API) at the end too.
     *
     * @param username the user
     */
    void track(String username) {
        created.add(username);
    }

    /**
     * Removes a user if it is there (a test may have removed it, or never made it).
     *
     * @param username the user
     */
    void removeQuietly(String username) {
        try {
            directory.delete(username, "itest");
        } catch (UserException e) {
            // not there (any more)
        }
        created.remove(username);
    }

    @Override
    public void close() {
        for (String username : created) {
            try {
                directory.delete(username, "itest");
            } catch (UserException e) {
                // removed by the test already
            }
        }
        created.clear();
    }
}
