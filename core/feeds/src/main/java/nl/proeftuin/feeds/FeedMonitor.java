package nl.proeftuin.feeds;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of every data feed a pilot registered.
 *
 * <p>Thread safety: may be called from any thread; never waits for a feed.
 */
@ProviderType
public interface FeedMonitor {

    /**
     * Every registered feed, in registration order.
     *
     * @return the feeds' states, unmodifiable
     */
    List<FeedStatus> feeds();
}
