package nl.proeftuin.itest.trust;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.util.zip.ZipFile;

/**
 * Calls {@code jdk.security.jarsigner.JarSigner} (module jdk.jartool) by reflection through the system class loader:
 * the framework does not export {@code jdk.*} packages to bundles, so the tests bundle cannot import it, but the
 * class is there in every JDK. Signing in-process keeps the tests fast; the {@code jarsigner} tool does the same.
 */
final class JarSignerApi {

    private JarSignerApi() {
    }

    /**
     * Signs a JAR, as {@code new JarSigner.Builder(key, chain).build().sign(zip, out)}.
     *
     * @param key the signer's private key
     * @param chain its certificate chain
     * @param zip the JAR to sign
     * @param out where the signed JAR goes
     */
    static void sign(PrivateKey key, CertPath chain, ZipFile zip, OutputStream out) {
        try {
            Class<?> builderType = Class.forName("jdk.security.jarsigner.JarSigner$Builder", true, ClassLoader.getSystemClassLoader());
            Object builder = builderType.getConstructor(PrivateKey.class, CertPath.class).newInstance(key, chain);
            Object signer = builderType.getMethod("build").invoke(builder);
            signer.getClass().getMethod("sign", ZipFile.class, OutputStream.class).invoke(signer, zip, out);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("JarSigner failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jdk.security.jarsigner.JarSigner is not available in this JDK: " + e, e);
        }
    }
}
