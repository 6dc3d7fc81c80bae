package org.fusioncell.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results with the total the reader may see. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public long pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
