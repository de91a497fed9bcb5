package nl.proeftuin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a bundle cache from an earlier start may be used again: only for exactly the same JARs. */
class FrameworkCacheTest {

    @TempDir
    Path data;

    @TempDir
    Path system;

    private Path first;
    private Path second;

    @BeforeEach
    void jars() throws Exception {
        first = Files.writeString(system.resolve("a.jar"), "first");
        second = Files.writeString(system.resolve("b.jar"), "second");
        Files.createDirectories(data.resolve("cache/framework"));
    }

    @Test
    void aNewHomeHasNoCacheToUse() throws Exception {
        assertThat(cache(List.of(first, second)).reusable()).isFalse();
    }

    @Test
    void aRememberedCacheIsUsedForTheSameJars() throws Exception {
        cache(List.of(first, second)).remember();

        assertThat(cache(List.of(first, second)).reusable()).isTrue();
    }

    @Test
    void aCacheWithoutItsFolderIsNotUsed() throws Exception {
        cache(List.of(first, second)).remember();
        Files.delete(data.resolve("cache/framework"));

        assertThat(cache(List.of(first, second)).reusable()).isFalse();
    }

    @Test
    void aRebuiltJarMakesTheCacheUnusable() throws Exception {
        cache(List.of(first, second)).remember();
        Files.writeString(second, "second, rebuilt");

        assertThat(cache(List.of(first, second)).reusable()).isFalse();
    }

    @Test
    void aJarWithTheSameSizeButAnotherTimeMakesTheCacheUnusable() throws Exception {
        cache(List.of(first, second)).remember();
        Files.setLastModifiedTime(first, FileTime.fromMillis(Files.getLastModifiedTime(first).toMillis() - 60_000));

        assertThat(cache(List.of(first, second)).reusable()).isFalse();
    }

    @Test
    void anAddedOrRemovedJarMakesTheCacheUnusable() throws Exception {
        cache(List.of(first)).remember();

        assertThat(cache(List.of(first, second)).reusable()).isFalse();
        cache(List.of(first, second)).remember();
        assertThat(cache(List.of(first)).reusable()).isFalse();
    }

    @Test
    void anotherSelectionOfBundlesMakesTheCacheUnusable() throws Exception {
        FrameworkCache.of(data, List.of(first), "every core bundle").remember();

        assertThat(FrameworkCache.of(data, List.of(first), "the core bundles without HTTP").reusable()).isFalse();
    }

    @Test
    void aForgottenCacheIsNotUsed() throws Exception {
        cache(List.of(first, second)).remember();
        cache(List.of(first, second)).forget();

        assertThat(cache(List.of(first, second)).reusable()).isFalse();
        assertThat(data.resolve("cache/framework")).as("the framework cleans its own folder").isDirectory();
    }

    private FrameworkCache cache(List<Path> jars) throws LaunchException {
        return FrameworkCache.of(data, jars, "every core bundle");
    }
}
