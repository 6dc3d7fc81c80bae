package org.fusioncell.monitoring.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.fusioncell.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox in two lanes, each one thread: the live lane (inbox push) and the outbound lane
 * (mail, digests, webhooks), so that a slow receiver never holds back the push. A lane runs when woken
 * after a commit, at the next due retry, and at least every {@code sweep-interval}, which also resumes
 * rows a crashed process left (once their claim has expired). Rows are claimed with this process's
 * token; a clean stop lets go of its claims so a restart resumes them at once.
 */
@Component
class DeliveryWorker implements SmartLifecycle, Wakeup {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final ChannelDispatch dispatch;
    private final Digests digests;
    private final Clock clock;
    private final DeliveryProperties.Delivery settings;
    private final Backoff backoff;
    private final String token = Ids.newId();
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant lastForgetting = Instant.EPOCH;

    DeliveryWorker(Outbox outbox, ChannelDispatch dispatch, Digests digests, Clock clock, DeliveryProperties properties) {
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.digests = digests;
        this.clock = clock;
        this.settings = properties.delivery();
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
    }

    @Override
    public void wake() {
        lanes.forEach(Lane::wake);
    }

    /** One pass over the due rows of both lanes and the digests, in the caller's thread (tests, tools). */
    void drainNow() {
        digests.build(clock.instant());
        drain(Channel.LIVE);
        drain(Channel.OUTBOUND);
    }

    /** At most hourly: the content of rows delivered longer ago than {@code keep-content} is blanked. */
    void forgetOldContent(Instant now) {
        if (Duration.between(lastForgetting, now).toHours() >= 1) {
            lastForgetting = now;
            outbox.forgetContent(now.minus(settings.keepContent()));
        }
    }

    /** Sends the lane's due rows; true when a full batch was found (more may be waiting). */
    private boolean drain(Set<Channel> channels) {
        Instant now = clock.instant();
        List<String> due = outbox.due(channels, now, settings.batchSize());
        for (String id : due) {
            if (!running && !lanes.isEmpty()) {
                break;
            }
            Instant claimedAt = clock.instant();
            outbox.claim(id, token, claimedAt, claimedAt.plus(settings.claimDuration())).ifPresent(this::deliver);
        }
        return due.size() >= settings.batchSize();
    }

    private void deliver(OutboxRow row) {
        Outcome outcome;
        try {
            outcome = dispatch.send(row);
        } catch (RuntimeException e) {
            outcome = new Outcome.Failed(row.channel().name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + e.getClass().getSimpleName());
        }
        int attempt = row.attempts() + 1;
        switch (outcome) {
            case Outcome.Delivered d -> outbox.delivered(row, token, clock.instant());
            case Outcome.Failed f when attempt < settings.maxAttempts() ->
                    outbox.retryAt(row, token, clock.instant().plus(backoff.after(attempt)), f.error());
            case Outcome.Failed f -> dead(row, attempt, f.error());
            case Outcome.Abandoned a -> dead(row, attempt, a.error());
        }
    }

    private void dead(OutboxRow row, int attempts, String error) {
        outbox.dead(row, token, error);
        // delivery id, channel and a technical reason only: never the recipient, the address or the notice
        log.warn("Alert delivery {} over {} given up after {} attempt(s): {}", row.id(), row.channel(), attempts, error);
    }

    @Override
    public void start() {
        running = true;
        lanes.add(new Lane("alert-delivery-live", Channel.LIVE, false));
        lanes.add(new Lane("alert-delivery-outbound", Channel.OUTBOUND, true));
        lanes.forEach(l -> l.thread.start());
    }

    @Override
    public void stop() {
        running = false;
        lanes.forEach(l -> l.thread.interrupt());
        for (Lane lane : lanes) {
            try {
                lane.thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.clear();
        try {
            outbox.release(token);
        } catch (RuntimeException e) {
            log.warn("Alert delivery claims not released at stop ({}); they expire after {}",
                    e.getClass().getSimpleName(), settings.claimDuration());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Lane implements Runnable {

        private final Thread thread;
        private final Set<Channel> channels;
        private final boolean buildsDigests;
        private final Semaphore signal = new Semaphore(0);

        Lane(String name, Set<Channel> channels, boolean buildsDigests) {
            this.channels = channels;
            this.buildsDigests = buildsDigests;
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        void wake() {
            if (signal.availablePermits() == 0) {
                signal.release();
            }
        }

        @Override
        public void run() {
            while (running) {
                boolean more = false;
                try {
                    if (buildsDigests) {
                        digests.build(clock.instant());
                        forgetOldContent(clock.instant());
                    }
                    more = drain(channels);
                } catch (RuntimeException e) {
                    // the database may be away for a while: try again at the next sweep
                    log.warn("Alert delivery round failed in {}: {}", thread.getName(), e.getClass().getSimpleName());
                }
                if (!more && !pause()) {
                    return;
                }
            }
        }

        /** Waits for a wake-up, the next due row or the sweep interval; false when interrupted. */
        private boolean pause() {
            long wait = settings.sweepInterval().toMillis();
            try {
                Optional<Instant> next = outbox.nextDue(channels);
                if (next.isPresent()) {
                    wait = Math.max(20, Math.min(wait, Duration.between(clock.instant(), next.get()).toMillis() + 1));
                }
            } catch (RuntimeException e) {
                // keep the sweep interval
            }
            try {
                signal.tryAcquire(wait, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                return running;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
