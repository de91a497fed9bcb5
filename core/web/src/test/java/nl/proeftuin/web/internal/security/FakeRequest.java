package nl.proeftuin.web.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A request with the given headers and paths, for the parts of the security code that only read a request. */
final class FakeRequest {

    private final Map<String, List<String>> headers = new HashMap<>();
    private String servletPath = "";
    private String pathInfo;
    private String requestUri = "/";
    private String query;
    private boolean secure;

    FakeRequest header(String name, String... values) {
        headers.put(name.toLowerCase(), List.of(values));
        return this;
    }

    FakeRequest paths(String servlet, String info) {
        this.servletPath = servlet;
        this.pathInfo = info;
        return this;
    }

    FakeRequest uri(String uri, String queryString) {
        this.requestUri = uri;
        this.query = queryString;
        return this;
    }

    FakeRequest secure() {
        this.secure = true;
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream()
                            .findFirst().orElse(null);
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getContextPath" -> "";
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> requestUri;
                    case "getQueryString" -> query;
                    case "isSecure" -> secure;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
