package nl.proeftuin.itest.support;

import java.security.SecureRandom;

/** Ids that no other test and no earlier run (the store keeps its data between runs) has used. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /**
     * A fresh slug.
     *
     * @param prefix a slug that says what the id is for, e.g. {@code "upload"}
     * @return e.g. {@code "upload-k3x9q2"}
     */
    public static String unique(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
