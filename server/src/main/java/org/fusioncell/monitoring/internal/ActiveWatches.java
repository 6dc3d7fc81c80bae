package org.fusioncell.monitoring.internal;

import org.fusioncell.names.NameSpotter;
import org.fusioncell.search.TextWatching;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's set of active watches: loaded from the store on first use, then kept in step with
 * every saved watch once its transaction commits.
 */
@Component
class ActiveWatches {

    private final JdbcWatches store;
    private final TextWatching textWatching;
    private volatile WatchSet set;

    ActiveWatches(JdbcWatches store, TextWatching textWatching) {
        this.store = store;
        this.textWatching = textWatching;
    }

    WatchSet set() {
        WatchSet current = set;
        if (current == null) {
            synchronized (this) {
                if (set == null) {
                    WatchSet loaded = new WatchSet(textWatching, new NameSpotter());
                    store.allActive().forEach(loaded::put);
                    set = loaded;
                }
                current = set;
            }
        }
        return current;
    }

    /**
     * Applies a saved watch once its transaction has committed. A plain listener that registers a
     * synchronisation, not a transactional event listener: those are recorded in the event publication
     * registry, whose completion needs a second connection while the saving request still holds its
     * first — under concurrent saves the pool ran dry and every request waited (found by the benchmark).
     */
    @EventListener
    void on(JdbcWatches.WatchSaved saved) {
        Runnable apply = () -> {
            WatchSet current = set;
            if (current == null) {
                return; // loaded with this watch on first use
            }
            if (saved.watch() == null) {
                current.remove(saved.watchId());
            } else {
                current.put(saved.watch());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }
}
