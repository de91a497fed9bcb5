package nl.proeftuin.deployer.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports the names of files that appear, change or vanish in one folder, as soon as the OS tells. */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final WatchService service;
    private final Thread thread;

    FolderWatcher(Path folder, Consumer<String> changed) throws IOException {
        this.service = folder.getFileSystem().newWatchService();
        folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.thread = new Thread(() -> loop(changed), "proeftuin-deploy-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop(Consumer<String> changed) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    // on OVERFLOW the periodic rescan catches up
                    if (event.kind() != OVERFLOW && event.context() instanceof Path name) {
                        changed.accept(name.toString());
                    }
                }
                if (!key.reset()) {
                    LOG.warn("The deploy folder can no longer be watched; changes are picked up by the periodic rescan only");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        thread.interrupt();
    }
}
