package org.fusioncell.monitoring.delivery.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams of this process, per user. A user receives only their own notices;
 * a stream that fails, times out or is closed is forgotten at once. Comment lines every
 * {@code fusioncell.monitoring.stream.keep-alive} keep proxies from closing idle streams and reveal
 * closed ones. Streams of other nodes are not reached (docs/monitoring.md, "Delivery").
 */
@Component
public class AlertStreams implements SmartLifecycle {

    private final Map<String, Set<SseEmitter>> byUser = new ConcurrentHashMap<>();
    private final DeliveryProperties.Stream settings;
    private volatile ScheduledExecutorService keepAlive;

    AlertStreams(DeliveryProperties properties) {
        this.settings = properties.stream();
    }

    /** A new stream for {@code userId}; its first line is a comment, so the client sees it open at once. */
    public SseEmitter open(String userId) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Set<SseEmitter> streams = byUser.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>());
        streams.add(emitter);
        Runnable forget = () -> forget(userId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(() -> {
            forget.run();
            emitter.complete();
        });
        emitter.onError(e -> forget.run());
        if (!write(emitter, SseEmitter.event().comment("open").reconnectTime(3000))) {
            forget.run();
        }
        return emitter;
    }

    /** Sends one event named {@code alert} to every stream of the user; returns how many took it. */
    int push(String userId, String eventId, String json) {
        int reached = 0;
        for (SseEmitter emitter : byUser.getOrDefault(userId, Set.of())) {
            if (write(emitter, SseEmitter.event().id(eventId).name("alert").data(json))) {
                reached++;
            } else {
                forget(userId, emitter);
            }
        }
        return reached;
    }

    /** How many streams are open in this process. */
    public int count() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private boolean write(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        // the worker and the keep-alive thread may write to one stream at the same time
        synchronized (emitter) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
                return false;
            }
        }
    }

    private void forget(String userId, SseEmitter emitter) {
        byUser.computeIfPresent(userId, (u, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void ping() {
        byUser.forEach((user, streams) -> streams.forEach(emitter -> {
            if (!write(emitter, SseEmitter.event().comment("keep-alive"))) {
                forget(user, emitter);
            }
        }));
    }

    @Override
    public void start() {
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-stream-keep-alive");
            t.setDaemon(true);
            return t;
        });
        long every = settings.keepAlive().toMillis();
        keepAlive.scheduleWithFixedDelay(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    /** Closes every stream, so that shutting down does not wait for browsers to hang up. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = keepAlive;
        keepAlive = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        List<SseEmitter> all = byUser.values().stream().flatMap(Set::stream).toList();
        byUser.clear();
        all.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return keepAlive != null;
    }
}
