package nl.proeftuin.web.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the web layer's security and what follows from them: the session cookie as it is set and
 * cleared, and which {@code Origin} a write may come from.
 *
 * <p>Thread-safety: may be called from any thread; a configuration change replaces the settings at once.
 */
@Component(service = SecurityPolicy.class, configurationPid = SecurityPolicy.PID)
@Designate(ocd = SecurityPolicy.Config.class)
public final class SecurityPolicy {

    /** The configuration PID: file {@code conf/nl.proeftuin.web.security.cfg}. */
    public static final String PID = "nl.proeftuin.web.security";
    /** The name of the session cookie. */
    public static final String COOKIE = "proeftuin_session";

    /** Settings of the web layer's security. */
    @ObjectClassDefinition(name = "Proeftuin web security")
    public @interface Config {
        /**
         * Whether the session cookie is always marked {@code Secure}. It is anyway on a request that came over HTTPS;
         * set this when a proxy in front of the platform ends TLS, so the platform itself sees plain HTTP.
         *
         * @return true to always mark the cookie Secure
         */
        @AttributeDefinition(name = "Secure cookies")
        boolean secureCookies() default false;

        /**
         * Further origins (such as {@code https://proeftuin.example.nl}) whose pages may send writes, for a proxy
         * that changes the {@code Host} header. The platform's own origin is always allowed.
         *
         * @return origins as scheme://host[:port], also several in one value separated by commas
         */
        @AttributeDefinition(name = "Allowed origins", required = false)
        String[] allowedOrigins() default {};
    }

    /** The tokens {@code Sessions} hands out are URL-safe Base64; anything else is not a session. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    private volatile boolean secureCookies;
    private volatile Set<String> allowedOrigins = Set.of();

    /**
     * Reads the settings.
     *
     * @param config the settings
     */
    @Activate
    public SecurityPolicy(Config config) {
        modified(config);
    }

    /**
     * Takes changed settings without restarting the components that use this one.
     *
     * @param config the new settings
     */
    @Modified
    void modified(Config config) {
        secureCookies = config.secureCookies();
        // a .cfg file gives one text: origins separated by commas
        allowedOrigins = Arrays.stream(config.allowedOrigins() == null ? new String[0] : config.allowedOrigins())
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(o -> !o.isEmpty()).map(o -> o.toLowerCase(Locale.ROOT))
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Sets the session cookie: {@code HttpOnly}, {@code SameSite=Strict}, {@code Path=/}, and {@code Secure} on
     * HTTPS or when configured. It has no expiry of its own: the session ends on the server after its idle time.
     *
     * @param request the request, to tell HTTPS
     * @param response where the cookie goes
     * @param token the session's token
     */
    public void setCookie(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", COOKIE + "=" + token + attributes(request));
    }

    /**
     * Tells the browser to forget the session cookie.
     *
     * @param request the request, to tell HTTPS
     * @param response where the instruction goes
     */
    public void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", clearingCookie(request));
    }

    /**
     * The {@code Set-Cookie} value that makes the browser forget the session cookie.
     *
     * @param request the request, to tell HTTPS
     * @return the header's value
     */
    String clearingCookie(HttpServletRequest request) {
        return COOKIE + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes(request);
    }

    private String attributes(HttpServletRequest request) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secureCookies || request.isSecure() ? "; Secure" : "");
    }

    /**
     * The values of the session cookies a request carries that could be session tokens at all; a browser may send
     * more than one cookie of that name (set for other paths or by a neighbouring host).
     *
     * @param request the request
     * @return whether there was one, and the values that could be tokens, in the order sent (at most 4); a cookie
     *     that is there but holds no token is garbage: the caller treats the request as anonymous and clears it
     */
    static Cookies sessionCookies(HttpServletRequest request) {
        List<String> candidates = new ArrayList<>();
        boolean present = false;
        for (String header : Collections.list(request.getHeaders("Cookie"))) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0 || !pair.substring(0, equals).strip().equals(COOKIE)) {
                    continue;
                }
                present = true;
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (TOKEN.matcher(value).matches() && candidates.size() < 4) {
                    candidates.add(value);
                }
            }
        }
        return new Cookies(present, List.copyOf(candidates));
    }

    /**
     * The session cookies of a request.
     *
     * @param present whether a cookie named {@value SecurityPolicy#COOKIE} was sent at all
     * @param tokens those of its values that could be session tokens
     */
    record Cookies(boolean present, List<String> tokens) {
    }

    /**
     * Whether a request comes from a page of this platform, or from no page at all. Browsers send {@code Origin}
     * with every write; a client that is not a browser (curl, a script) sends none, and needs no protection from
     * cross-site requests. The origin matches when its host and port are those of the {@code Host} header (the port
     * may be left out there when the origin uses its scheme's default, as behind a proxy that ends TLS), or when it
     * is one of the configured {@link Config#allowedOrigins() allowed origins}. {@code Origin: null} (a sandboxed
     * page, a redirect from elsewhere) never matches.
     *
     * @param request the request
     * @return true when the request may change something
     */
    public boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(normalised)) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(normalised);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawUserInfo() != null) {
            return false;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        HostAndPort own = HostAndPort.parse(host.strip().toLowerCase(Locale.ROOT));
        if (own == null || !own.host().equals(stripBrackets(uri.getHost()))) {
            return false;
        }
        return own.port() == port || (own.port() < 0 && (port == 80 || port == 443));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A {@code Host} header: a name or address, and a port or -1. */
    private record HostAndPort(String host, int port) {
        static HostAndPort parse(String header) {
            String host = header;
            String port = null;
            if (header.startsWith("[")) {
                int close = header.indexOf(']');
                if (close < 0) {
                    return null;
                }
                host = header.substring(1, close);
                String rest = header.substring(close + 1);
                if (rest.startsWith(":")) {
                    port = rest.substring(1);
                } else if (!rest.isEmpty()) {
                    return null;
                }
            } else {
                int colon = header.lastIndexOf(':');
                if (colon >= 0) {
                    host = header.substring(0, colon);
                    port = header.substring(colon + 1);
                }
            }
            if (host.isEmpty()) {
                return null;
            }
            try {
                return new HostAndPort(host, port == null ? -1 : Integer.parseInt(port));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
