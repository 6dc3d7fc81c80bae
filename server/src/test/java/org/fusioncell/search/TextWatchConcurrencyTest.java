package org.fusioncell.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.fusioncell.search.internal.LuceneTextWatching;
import org.junit.jupiter.api.Test;

/**
 * Changes while matching: a watch replaced over and over by queries that all match the document is
 * found by every matching call (never lost between its old and new keys), watches never touched are
 * always found, removed ones stop matching, and nothing throws.
 */
class TextWatchConcurrencyTest {

    @Test
    void replacingAndRemovingWhileMatching() throws InterruptedException {
        TextWatchSet set = new LuceneTextWatching().newSet();
        String document = "A convoy left the harbour at night; customs officers reported it.";
        for (int i = 0; i < 500; i++) {
            set.put("stable-" + i, i % 2 == 0 ? "convoy" : "\"customs officers\"");
        }
        set.put("replaced", "convoy");
        String[] sameMeaning = {"convoy", "harbour convoy", "convoy | airport", "\"left the harbour\"", "night -airport",
                "harb*", "convoi~1"};
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong matched = new AtomicLong();
        CountDownLatch done = new CountDownLatch(3);
        Thread writer = new Thread(() -> {
            try {
                for (int n = 0; !stop.get(); n++) {
                    set.put("replaced", sameMeaning[n % sameMeaning.length]);
                    set.put("churn-" + (n % 50), n % 3 == 0 ? "airport" : "convoy harbour");
                    set.remove("churn-" + ((n + 25) % 50));
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                done.countDown();
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        Set<String> ids = set.matching("Night report", document, "en");
                        if (!ids.contains("replaced") || !ids.contains("stable-0") || !ids.contains("stable-499")) {
                            failures.add(new AssertionError("lost a watch: " + ids.size() + " found"));
                        }
                        matched.addAndGet(ids.size());
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }));
        }
        writer.start();
        readers.forEach(Thread::start);
        Thread.sleep(1500);
        stop.set(true);
        done.await();
        assertThat(failures).isEmpty();
        assertThat(matched.get()).isGreaterThan(1000);
        for (int i = 0; i < 50; i++) {
            set.remove("churn-" + i);
        }
        assertThat(set.size()).isEqualTo(501);
        assertThat(set.matching("", document, "en")).hasSize(501);
    }
}
