package nl.proeftuin.web.internal.api;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import nl.proeftuin.deployer.Deployer;
import nl.proeftuin.deployer.Deployment;
import nl.proeftuin.deployer.InvalidBundleException;
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
 * {@code file}) installs or updates; {@code DELETE /api/v1/bundles/{symbolicName}} removes.
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

    private final transient Deployer deployer;
    private final long maxBytes;

    /**
     * Creates the servlet.
     *
     * @param deployer the deployer
     * @param config the settings
     */
    @Activate
    public BundlesServlet(@Reference(name = "deployer") Deployer deployer, Config config) {
        this.deployer = deployer;
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
            case "DELETE" -> {
                if (!deployer.remove(path)) {
                    throw ApiException.notFound("No bundle " + path + " is deployed.");
                }
                response.setStatus(204);
            }
            default -> throw methodNotAllowed(method, "GET or DELETE");
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        Path incoming = Files.createTempFile(deployer.incomingFolder(), "upload-", ".jar");
        try {
            try (InputStream in = body(request); OutputStream out = Files.newOutputStream(incoming)) {
                copyLimited(in, out);
            }
            boolean existed = false;
            Deployment result;
            try {
                String name = deployerNameOf(incoming);
                existed = name != null && deployer.deployment(name).isPresent();
                result = deployer.deploy(incoming);
            } catch (InvalidBundleException e) {
                throw new ApiException(400, "Not a usable bundle", "The uploaded file cannot be deployed: "
                        + String.join(" ", e.problems()), e.problems());
            }
            response.setHeader("Location", "/api/v1/bundles/" + result.symbolicName());
            json(response, existed ? 200 : 201, result);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /** The symbolic name the upload will have, to tell an update from a new install; null when unreadable. */
    private static String deployerNameOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            var manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return header == null ? null : header.split(";", 2)[0].strip();
        } catch (IOException e) {
            return null;
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
