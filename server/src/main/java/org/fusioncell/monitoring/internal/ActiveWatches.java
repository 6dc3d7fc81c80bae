package org.fusioncell.monitoring.internal;

import org.fusioncell.names.NameSpotter;
import org.fusioncell.search.TextWatching;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

    @TransactionalEventListener
    void on(JdbcWatches.WatchSaved saved) {
        WatchSet current = set;
        if (current == null) {
            return; // loaded with this watch on first use
        }
        store.find(saved.watchId()).ifPresentOrElse(current::put, () -> current.remove(saved.watchId()));
    }
}
