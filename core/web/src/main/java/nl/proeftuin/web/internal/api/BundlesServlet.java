package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.proeftuin.deployer.Deployer;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.deployer.InvalidBundleException;
import nl.proeftuin.security.AuditLog;
import nl.proeftuin.security.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/v1/bundles}: the pilot bundles with their state in words; upload (raw JAR body or multipart field
 * {@code file}) installs or updates; {@code DELETE /api/v1/bundles/{symbolicName}} removes. Who may upload or remove
 * follows from the region the JAR's manifest declares ({@code Proeftuin-Region}): its editors and admins; a bundle
 * without a region only admins. Every upload, update, removal and refusal through this API is written to the audit
 * log with the user; the deployer audits only what happens in {@code deploy/} by hand.
 */
@Component(service = Servlet.class, configurationPid = "nl.proeftuin.upload")
@HttpWhiteboardServletName("proeftuin-api-bundles")
@HttpWhiteboardServletPattern({"/api/v1/bundles", "/api/v1/bundles/*"})
// the platform's own limit (below) is checked first; this is only the container's hard ceiling
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 1L << 31, maxRequestSize = 1L << 31)
@Designate(ocd = BundlesServlet.Config.class)
public final class BundlesServlet extends ApiServlet {

    /** Settings of the bundle API (PID {@code nl.proeftuin.upload}, file {@code conf/nl.proeftuin.upload.cfg}). */
    @ObjectClassDefinition(name = "Proeftuin bundle upload")
    public @interface Config {
        /**
         * The largest JAR that may be uploaded.
         *
         * @return megabytes
         */
        @AttributeDefinition(name = "Maximum upload (MB)", min = "1")
        long maxUploadMegabytes() default 50;
    }

    private static final long serialVersionUID = 1L;

    private static final String REGION_HEADER = "Proeftuin-Region";

    private final transient Deployer deployer;
    private final transient AuditLog audit;
    private final long maxBytes;

    /**
     * Creates the servlet.
     *
     * @param deployer the deployer
     * @param audit where uploads and removals are written down, with who did them
     * @param config the settings
     */
    @Activate
    public BundlesServlet(@Reference(name = "deployer") Deployer deployer, @Reference(name = "audit") AuditLog audit,
            Config config) {
        this.deployer = deployer;
        this.audit = audit;
        this.maxBytes = config.maxUploadMegabytes() * 1024 * 1024;
    }

    @Override
    protected void handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (path.isEmpty()) {
            switch (method) {
                case "GET", "HEAD" -> json(response, deployer.deployments());
                case "POST" -> upload(request, response);
                default -> throw methodNotAllowed(method, "GET or POST");
            }
            return;
        }
        if (path.contains("/")) {
            throw ApiException.notFound("No bundle endpoint " + request.getRequestURI() + ".");
        }
        switch (method) {
            case "GET", "HEAD" -> json(response, deployer.deployment(path)
                    .orElseThrow(() -> ApiException.notFound("No bundle " + path + " is deployed.")));
            case "DELETE" -> remove(path, request, response);
            default -> throw methodNotAllowed(method, "GET or DELETE");
        }
    }

    private void remove(String symbolicName, HttpServletRequest request, HttpServletResponse response) {
        User user = CurrentUser.require(request);
        Deployment deployment = deployer.deployment(symbolicName)
                .orElseThrow(() -> ApiException.notFound("No bundle " + symbolicName + " is deployed."));
        Access.requireEdit(user, deployment.region(), "remove bundle \"" + symbolicName + "\"");
        if (!deployer.remove(symbolicName)) {
            throw ApiException.notFound("No bundle " + symbolicName + " is deployed.");
        }
        audit.record(user.username(), AuditLog.BUNDLE_REMOVE, symbolicName,
                describe(deployment.version(), deployment.region()));
        response.setStatus(204);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        User user = CurrentUser.require(request);
        Access.requireSomeEdit(user, "deploy pilots");
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        Path incoming = Files.createTempFile(deployer.incomingFolder(), "upload-", ".jar");
        try {
            try (InputStream in = body(request); OutputStream out = Files.newOutputStream(incoming)) {
                copyLimited(in, out);
            }
            Optional<Headers> headers = Headers.of(incoming);
            Optional<Deployment> existing = headers.flatMap(h -> Optional.ofNullable(h.symbolicName()))
                    .flatMap(deployer::deployment);
            authorize(user, headers, existing);
            Deployment result;
            try {
                result = deployer.deploy(incoming);
            } catch (InvalidBundleException e) {
                audit.record(user.username(), AuditLog.BUNDLE_REFUSED, headers.map(Headers::target).orElse(""),
                        String.join(" ", e.problems()));
                throw new ApiException(400, "Not a usable bundle", "The uploaded file cannot be deployed: "
                        + String.join(" ", e.problems()), e.problems());
            }
            audit.record(user.username(), existing.isPresent() ? AuditLog.BUNDLE_UPDATE : AuditLog.BUNDLE_DEPLOY,
                    Objects.toString(result.symbolicName(), ""), describe(result.version(), result.region()));
            response.setHeader("Location", "/api/v1/bundles/" + result.symbolicName());
            json(response, existing.isPresent() ? 200 : 201, result);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /**
     * Who may deploy follows from the region the JAR declares, and, for an update, from the region of the bundle it
     * replaces: an editor of one region cannot take over another region's bundle by uploading one of the same name.
     * A JAR whose manifest cannot be read has no region anybody can check: only an admin may hand it to the
     * deployer (which then says what is wrong with it).
     */
    private void authorize(User user, Optional<Headers> headers, Optional<Deployment> existing) {
        try {
            if (headers.isEmpty()) {
                if (!user.isAdmin()) {
                    throw new ApiException(400, "Not a usable bundle", "The uploaded file cannot be deployed: it is "
                            + "not a JAR with a readable manifest (META-INF/MANIFEST.MF) that names its "
                            + REGION_HEADER + ".", List.of());
                }
                return;
            }
            String name = headers.get().symbolicName() == null ? "the uploaded JAR"
                    : "bundle \"" + headers.get().symbolicName() + "\"";
            Access.requireEdit(user, headers.get().region(), "deploy " + name);
            if (existing.isPresent() && !Objects.equals(existing.get().region(), headers.get().region())) {
                Access.requireEdit(user, existing.get().region(), "replace " + name);
            }
        } catch (ApiException e) {
            audit.record(user.username(), AuditLog.BUNDLE_REFUSED, headers.map(Headers::target).orElse(""),
                    e.getMessage());
            throw e;
        }
    }

    private static String describe(String version, String region) {
        return "version " + (version == null ? "unknown" : version) + ", "
                + (region == null ? "no region" : "region " + region);
    }

    /**
     * What the manifest of an upload says about who may deploy it.
     *
     * @param symbolicName the Bundle-SymbolicName without directives, or null
     * @param region the Proeftuin-Region, or null for a bundle without a region
     */
    private record Headers(String symbolicName, String region) {

        /** The largest manifest read, as the deployer's limit: no real bundle comes near it. */
        static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

        /**
         * The manifest's headers; empty when the file is not a JAR with a manifest, or when the manifest unpacks to
         * more than {@link #MAX_MANIFEST_BYTES} (read before anything else checks the upload, so it must not let a
         * small upload that inflates to gigabytes fill the heap; the deployer refuses such a JAR with its reason).
         */
        static Optional<Headers> of(Path jar) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                ZipEntry entry = file.getEntry(JarFile.MANIFEST_NAME);
                if (entry == null) {
                    return Optional.empty();
                }
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                }
                if (bytes.length > MAX_MANIFEST_BYTES) {
                    return Optional.empty();
                }
                Attributes main = new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
                return Optional.of(new Headers(stripped(main.getValue("Bundle-SymbolicName"), true),
                        stripped(main.getValue(REGION_HEADER), false)));
            } catch (IOException | SecurityException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static String stripped(String header, boolean directives) {
            if (header == null) {
                return null;
            }
            String value = (directives ? header.split(";", 2)[0] : header).strip();
            return value.isEmpty() ? null : value;
        }

        /** The audit line's target: the symbolic name, or a stand-in when the manifest has none. */
        String target() {
            return symbolicName == null ? "" : symbolicName;
        }
    }

    private InputStream body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            try {
                Part part = request.getPart("file");
                if (part == null) {
                    throw ApiException.badRequest("The multipart upload has no field named \"file\"; send the JAR in a field \"file\".");
                }
                if (part.getSize() > maxBytes) {
                    throw tooLarge();
                }
                return part.getInputStream();
            } catch (ServletException | IllegalStateException e) {
                throw ApiException.badRequest("The multipart upload cannot be read: " + e.getMessage());
            }
        }
        return request.getInputStream();
    }

    private void copyLimited(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "Upload too large", "The upload is larger than the limit of "
                + maxBytes / (1024 * 1024) + " MB (setting maxUploadMegabytes).", List.of());
    }
}
