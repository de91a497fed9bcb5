package nl.proeftuin.registry;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue service: one consistent view of all accepted pilot contributions.
 *
 * <p>Thread safety: may be called from any thread at any time; never blocks on pilot code.
 */
@ProviderType
public interface Catalog {

    /**
     * The current state of the catalogue. The snapshot is immutable and internally consistent (every KPI's
     * opgave and every opgave's region is in it); take one snapshot per request and read everything from it.
     *
     * @return the latest snapshot, never null
     */
    CatalogSnapshot snapshot();
}
