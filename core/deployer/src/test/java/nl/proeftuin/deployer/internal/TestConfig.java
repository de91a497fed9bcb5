package nl.proeftuin.deployer.internal;

import java.lang.annotation.Annotation;

/** The deployer's settings with defaults, varied by the tests. */
class TestConfig implements DeployerConfig {

    String[] regions = {};
    String truststore = "conf/truststore.p12";
    String password = "";
    int maxEntries = 10_000;
    long maxMegabytes = 256;
    int maxRatio = 100;
    long ratioAboveKilobytes = 1024;

    @Override
    public Class<? extends Annotation> annotationType() {
        return DeployerConfig.class;
    }

    @Override
    public long settleMillis() {
        return 50;
    }

    @Override
    public long incompleteGraceMillis() {
        return 3000;
    }

    @Override
    public int rescanSeconds() {
        return 2;
    }

    @Override
    public int operationTimeoutSeconds() {
        return 30;
    }

    @Override
    public String[] requireSignatureFor() {
        return regions;
    }

    @Override
    public String truststore() {
        return truststore;
    }

    @Override
    public String truststorePassword() {
        return password;
    }

    @Override
    public int maxEntries() {
        return maxEntries;
    }

    @Override
    public long maxUncompressedMegabytes() {
        return maxMegabytes;
    }

    @Override
    public int maxCompressionRatio() {
        return maxRatio;
    }

    @Override
    public long compressionRatioAboveKilobytes() {
        return ratioAboveKilobytes;
    }
}
