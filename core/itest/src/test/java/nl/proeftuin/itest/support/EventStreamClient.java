package nl.proeftuin.itest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A client of {@code GET /api/v1/events} as a browser's EventSource would be: it reads the stream line by line on
 * a thread of its own and collects every event.
 */
public final class EventStreamClient implements AutoCloseable {

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile HttpResponse<Stream<String>> response;
    private volatile Throwable failure;

    private EventStreamClient(Api api) {
        reader = new Thread(() -> read(api), "itest-sse-client");
        reader.setDaemon(true);
    }

    /**
     * Opens the stream and waits until the server said it is connected.
     *
     * @param api the API
     * @return the client; close it at the end of the test
     */
    public static EventStreamClient open(Api api) {
        EventStreamClient client = new EventStreamClient(api);
        client.reader.start();
        try {
            if (!client.connected.await(10, TimeUnit.SECONDS)) {
                client.close();
                throw new AssertionError("the event stream did not open within 10 s"
                        + (client.failure == null ? "" : ": " + client.failure));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return client;
    }

    /** The HTTP answer that opened the stream. */
    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** Every event received so far, in order. */
    public List<ServerEvent> events() {
        return new ArrayList<>(events);
    }

    /**
     * Waits for an event.
     *
     * @param what the event in words, for the failure message
     * @param match the condition
     * @return the first event that matches
     */
    public ServerEvent await(String what, Predicate<ServerEvent> match) {
        return Await.await("event " + what, () -> events.stream().filter(match).findFirst(),
                java.util.Optional::isPresent, Await.DEFAULT).orElseThrow();
    }

    private void read(Api api) {
        try {
            response = api.client().send(api.request("/api/v1/events").timeout(Duration.ofMinutes(10)).GET().build(),
                    BodyHandlers.ofLines());
            lines = response.body();
            List<String> frame = new ArrayList<>();
            lines.forEach(line -> {
                if (line.startsWith(": connected")) {
                    connected.countDown();
                } else if (line.isEmpty()) {
                    dispatch(frame);
                    frame.clear();
                } else if (!line.startsWith(":")) {
                    frame.add(line);
                }
            });
        } catch (Exception | Error e) {
            failure = e;
        }
    }

    private void dispatch(List<String> frame) {
        String id = null;
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String line : frame) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
            }
        }
        if (data.length() == 0) {
            return; // e.g. the "retry:" frame
        }
        try {
            events.add(new ServerEvent(id, event, Api.MAPPER.readTree(data.toString())));
        } catch (JsonProcessingException e) {
            failure = new AssertionError("event data is not JSON: " + data, e);
        }
    }

    /** Any failure the reader met: a broken stream or data that is not JSON. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
