package org.fusioncell.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects streamed items into batches of a fixed size and hands each full batch, and the rest on
 * {@link #close()}, to a handler: for reading a large table row by row while looking up related data
 * once per batch.
 */
public final class Batches<T> implements Consumer<T>, AutoCloseable {

    private final int size;
    private final Consumer<List<T>> handler;
    private final List<T> pending = new ArrayList<>();

    public Batches(int size, Consumer<List<T>> handler) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.size = size;
        this.handler = handler;
    }

    @Override
    public void accept(T item) {
        pending.add(item);
        if (pending.size() == size) {
            flush();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        if (!pending.isEmpty()) {
            handler.accept(List.copyOf(pending));
            pending.clear();
        }
    }
}
