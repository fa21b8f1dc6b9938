package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shared bounded buffer: retention, order, drop-oldest, independent subscribers. */
class FanOutTest {
    @Test
    void itemsWaitForTheFirstSubscriberAndArriveInOrder() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 1000, i -> 1, null, true);
        for (int i = 0; i < 100; i++) {
            f.publish(i);
        }
        List<Integer> got = new CopyOnWriteArrayList<>();
        f.subscribe(got::add, "a");
        Harness.await("delivery", Duration.ofSeconds(5), () -> got.size() == 100);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, got.get(i));
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        assertEquals(0, f.size(), "taken items are forgotten");
        f.close();
    }

    @Test
    void boundDropsOldestAndCountsThem() {
        AtomicLong reported = new AtomicLong();
        FanOut<Integer> f = new FanOut<>("t", 10, i -> 1, (n, w) -> reported.addAndGet(n), true);
        for (int i = 0; i < 25; i++) {
            f.publish(i);
        }
        assertEquals(15, f.dropped());
        assertEquals(15, reported.get());
        List<Integer> got = new CopyOnWriteArrayList<>();
        f.subscribe(got::add, "a");
        Harness.await("delivery", Duration.ofSeconds(5), () -> got.size() == 10);
        assertEquals(List.of(15, 16, 17, 18, 19, 20, 21, 22, 23, 24), got);
        f.close();
    }

    @Test
    void aBlockedSubscriberDoesNotDelayAnother() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 1000, i -> 1, null, true);
        CountDownLatch release = new CountDownLatch(1);
        f.subscribe(i -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slow");
        List<Integer> got = new CopyOnWriteArrayList<>();
        f.subscribe(got::add, "fast");
        for (int i = 0; i < 50; i++) {
            f.publish(i);
        }
        Harness.await("fast delivery", Duration.ofSeconds(5), () -> got.size() == 50);
        release.countDown();
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        f.close();
    }

    @Test
    void withoutRetentionNothingWaitsForAbsentSubscribers() {
        FanOut<Integer> f = new FanOut<>("t", 1000, i -> 1, null, false);
        f.publish(1);
        assertEquals(0, f.size());
        f.close();
    }
}
