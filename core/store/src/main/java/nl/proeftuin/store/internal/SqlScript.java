package nl.proeftuin.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements, since JDBC runs one statement at a time.
 *
 * <p>Handles what the scripts use: statements ended by {@code ;}, {@code --} line comments, and
 * single-quoted strings (which may contain {@code ;} or {@code --}). Dollar quoting and block
 * comments are not supported; migration scripts must not use them.
 */
final class SqlScript {

    private SqlScript() {
    }

    /**
     * Splits a script.
     *
     * @param script the script text
     * @return the statements without their terminating {@code ;} and without comments, stripped,
     *     empty ones left out
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (inString) {
                current.append(c);
                // an escaped quote ('') closes and at once reopens the string: no special case
                if (c == '\'') {
                    inString = false;
                }
            } else if (c == '\'') {
                inString = true;
                current.append(c);
            } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end - 1;
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        if (inString) {
            throw new IllegalArgumentException("Unterminated string in SQL script");
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
