package nl.proeftuin.deployer.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a signer's certificate chain is trusted, given the certificates trusted for a region: a signer
 * certificate equal to a trusted one is trusted directly (if it is valid now); otherwise its chain must validate
 * (PKIX, revocation checking off) up to a trusted certificate. Timestamps are not honoured: a signature made with a
 * certificate that has expired is refused.
 */
final class SignerTrust {

    /** The verdict on one signer. */
    enum Kind {
        /** Trusted for the region, and valid now. */
        TRUSTED,
        /** No trusted certificate is in or above its chain. */
        NOT_TRUSTED,
        /** A certificate of its chain has expired. */
        EXPIRED,
        /** A certificate of its chain is not valid yet. */
        NOT_YET_VALID,
        /** It names a trusted issuer, but the chain does not validate. */
        INVALID_CHAIN
    }

    /**
     * The verdict with the facts for a sentence.
     *
     * @param kind the verdict
     * @param certificate the certificate it is about (the signer's, or the one that expired)
     * @param detail the validator's words for {@link Kind#INVALID_CHAIN}, else empty
     */
    record Verdict(Kind kind, X509Certificate certificate, String detail) {
    }

    private SignerTrust() {
    }

    /**
     * Judges a signer.
     *
     * @param path the signer's certificate chain, signer first
     * @param trusted the certificates trusted for the JAR's region
     * @param now the moment for which the certificates must be valid
     * @return the verdict
     */
    static Verdict judge(CertPath path, Collection<X509Certificate> trusted, Instant now) {
        @SuppressWarnings("unchecked")
        List<X509Certificate> chain = (List<X509Certificate>) path.getCertificates();
        X509Certificate signer = chain.get(0);
        int anchored = -1;
        for (int i = 0; i < chain.size() && anchored < 0; i++) {
            if (trusted.contains(chain.get(i))) {
                anchored = i;
            }
        }
        if (anchored == 0) {
            return validity(signer, now);
        }
        List<X509Certificate> toValidate;
        Set<TrustAnchor> anchors = new HashSet<>();
        if (anchored > 0) {
            toValidate = chain.subList(0, anchored);
            anchors.add(new TrustAnchor(chain.get(anchored), null));
        } else {
            // a chain issued by a trusted certificate that is not part of the chain itself
            X509Certificate top = chain.get(chain.size() - 1);
            boolean namesTrustedIssuer = trusted.stream()
                    .anyMatch(t -> t.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
            if (!namesTrustedIssuer) {
                return new Verdict(Kind.NOT_TRUSTED, signer, "");
            }
            toValidate = chain;
            trusted.forEach(t -> anchors.add(new TrustAnchor(t, null)));
        }
        return validate(toValidate, anchors, signer, now);
    }

    private static Verdict validity(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
            return new Verdict(Kind.TRUSTED, certificate, "");
        } catch (CertificateExpiredException e) {
            return new Verdict(Kind.EXPIRED, certificate, "");
        } catch (CertificateNotYetValidException e) {
            return new Verdict(Kind.NOT_YET_VALID, certificate, "");
        }
    }

    private static Verdict validate(List<X509Certificate> chain, Set<TrustAnchor> anchors, X509Certificate signer, Instant now) {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return new Verdict(Kind.TRUSTED, signer, "");
        } catch (CertPathValidatorException e) {
            X509Certificate failed = e.getIndex() >= 0 && e.getIndex() < chain.size() ? chain.get(e.getIndex()) : signer;
            if (e.getReason() == BasicReason.EXPIRED) {
                return new Verdict(Kind.EXPIRED, failed, "");
            }
            if (e.getReason() == BasicReason.NOT_YET_VALID) {
                return new Verdict(Kind.NOT_YET_VALID, failed, "");
            }
            return new Verdict(Kind.INVALID_CHAIN, signer, e.getMessage());
        } catch (GeneralSecurityException e) {
            return new Verdict(Kind.INVALID_CHAIN, signer, e.getMessage());
        }
    }
}
