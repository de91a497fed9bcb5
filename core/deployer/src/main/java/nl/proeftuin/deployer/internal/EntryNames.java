package nl.proeftuin.deployer.internal;

import java.util.regex.Pattern;

/**
 * Recognises entry names that point outside the folder a JAR would be unpacked into ("zip slip"). The platform never
 * unpacks a JAR by its names, but such a name has no place in a pilot and is refused before anything else reads it.
 */
final class EntryNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final int SHOWN_LENGTH = 120;

    private EntryNames() {
    }

    /**
     * Says what makes a name unsafe.
     *
     * @param name an entry's name as the ZIP's central directory holds it
     * @return what is wrong with it in a few words, or null when it is a plain relative path
     */
    static String unsafe(String name) {
        if (name.indexOf('\0') >= 0) {
            return "a NUL character";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash";
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (DRIVE.matcher(name).matches()) {
            return "a drive letter";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "a \"..\" segment";
            }
        }
        return null;
    }

    /**
     * A name as it can be shown in a sentence: control characters written as {@code \\uXXXX}, long names cut short.
     *
     * @param name an entry's name
     * @return the printable form
     */
    static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length() && shown.length() < SHOWN_LENGTH; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.length() >= SHOWN_LENGTH ? shown + "..." : shown.toString();
    }
}
