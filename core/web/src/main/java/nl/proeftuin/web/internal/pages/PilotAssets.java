package nl.proeftuin.web.internal.pages;

import java.util.Locale;
import java.util.Set;

/**
 * Which files of a pilot's own page are served without a user: its style sheets, scripts, images and fonts, as the
 * dashboard's own files under {@code /ui/assets/} are. A pilot's page runs sandboxed in an opaque origin (see the
 * security filter's {@code Content-Security-Policy} for {@code /pilots/}); browsers then send no session cookie
 * (it is {@code SameSite=Strict}) with the requests the page makes for its own files, so these must load without
 * one. The page documents themselves and data files (JSON, CSV, text) still need a user.
 *
 * <p>Thread-safety: stateless.
 */
public final class PilotAssets {

    /** Where pilots' own pages are served. */
    public static final String PREFIX = "/pilots/";

    private static final Set<String> EXTENSIONS = Set.of("css", "js", "mjs", "svg", "png", "jpg", "jpeg", "webp", "woff2");

    private PilotAssets() {
    }

    /**
     * Whether a path names a static file of a pilot's page: {@code /pilots/<region>/<screen>/<file>} with the
     * extension of a style sheet, script, image or font.
     *
     * @param path the request's decoded path
     * @return true for such a file
     */
    public static boolean isAsset(String path) {
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = path.substring(PREFIX.length()).split("/", 3);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty() || parts[2].endsWith("/")) {
            return false;
        }
        String file = parts[2].substring(parts[2].lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
