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

    @Test
    void aReturningSubscriberResumesWhereItLeftWithNothingLostOrRepeated() {
        FanOut<Integer> f = new FanOut<>("t", 1000, i -> 1, null, true);
        List<Integer> first = new CopyOnWriteArrayList<>();
        List<Integer> other = new CopyOnWriteArrayList<>();
        f.subscribe(other::add, "other");
        Runnable leave = f.subscribe(first::add, "logging");
        for (int i = 0; i < 10; i++) {
            f.publish(i);
        }
        Harness.await("first part", Duration.ofSeconds(5), () -> first.size() == 10 && other.size() == 10);
        leave.run(); // the bundle is being updated
        for (int i = 10; i < 20; i++) {
            f.publish(i);
        }
        Harness.await("other keeps receiving", Duration.ofSeconds(5), () -> other.size() == 20);
        List<Integer> second = new CopyOnWriteArrayList<>();
        f.subscribe(second::add, "logging"); // the new version of the same component
        Harness.await("resumed", Duration.ofSeconds(5), () -> second.size() == 10);
        assertEquals(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19), second);
        f.close();
    }

    @Test
    void aNewSubscriberGetsWhatOthersTookWithinTheReplayWindow() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 1000, i -> 1, null, true, 60_000);
        List<Integer> early = new CopyOnWriteArrayList<>();
        f.subscribe(early::add, "events");
        for (int i = 0; i < 5; i++) {
            f.publish(i);
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        List<Integer> late = new CopyOnWriteArrayList<>();
        f.subscribe(late::add, "logging");
        Harness.await("replayed", Duration.ofSeconds(5), () -> late.size() == 5);
        assertEquals(List.of(0, 1, 2, 3, 4), late);
        f.close();
    }

    @Test
    void replayKeepsNoMoreThanItsShareOfTheBoundSoABusyChildsOutputIsNotHeldForSeconds() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 64 * 100, i -> 10, null, true, 60_000, 0); // replay budget: 100
        List<Integer> early = new CopyOnWriteArrayList<>();
        f.subscribe(early::add, "events");
        for (int i = 0; i < 100; i++) {
            f.publish(i);
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        f.publish(100); // trimming happens as items come in
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        assertTrue(f.size() <= 11, "held for replay: " + f.size());
        List<Integer> late = new CopyOnWriteArrayList<>();
        f.subscribe(late::add, "logging");
        Harness.await("replayed", Duration.ofSeconds(5), () -> late.contains(100));
        assertEquals(f.size(), late.size());
        assertEquals(101, early.size());
        assertEquals(0, f.dropped(), "nothing untaken was dropped");
        f.close();
    }

    @Test
    void atStartUpALateSubscriberGetsEverythingWithinTheBoundEvenFromABusyPublisher() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 64 * 100, i -> 10, null, true, 60_000); // start-up window 60 s
        List<Integer> early = new CopyOnWriteArrayList<>();
        f.subscribe(early::add, "events");
        for (int i = 0; i < 500; i++) { // 5,000 of 6,400: far more than the later replay budget of 100
            f.publish(i);
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        List<Integer> late = new CopyOnWriteArrayList<>();
        f.subscribe(late::add, "logging"); // the log files' sink, activated after the events bundle
        Harness.await("replayed", Duration.ofSeconds(5), () -> late.size() == 500);
        assertEquals(early, late);
        f.close();
    }

    @Test
    void aProducerThatMayWaitIsHeldBackAtTheBoundInsteadOfLosingItemsToASlowSubscriber() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 10, i -> 1, null, true, 0);
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(0);
        List<Integer> got = new CopyOnWriteArrayList<>();
        f.subscribe(i -> {
            permits.acquireUninterruptibly();
            got.add(i);
        }, "slow");
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                try {
                    f.awaitRoom(1, TimeUnit.SECONDS.toNanos(60));
                } catch (InterruptedException e) {
                    return;
                }
                f.publish(i);
            }
        });
        producer.start();
        Harness.await("the producer held at the bound", Duration.ofSeconds(10),
                () -> f.size() == 10 && producer.getState() == Thread.State.TIMED_WAITING);
        assertEquals(0, got.size());
        permits.release(50);
        producer.join(30_000);
        assertTrue(f.drain(10, TimeUnit.SECONDS));
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), got);
        assertEquals(0, f.dropped(), "nothing lost");
        f.close();
    }

    @Test
    void itemsTakenByEveryoneAreNotCountedAsDroppedWhenTheBoundEvictsThem() throws Exception {
        FanOut<Integer> f = new FanOut<>("t", 10, i -> 1, null, true, 60_000);
        List<Integer> got = new CopyOnWriteArrayList<>();
        f.subscribe(got::add, "a");
        for (int i = 0; i < 10; i++) {
            f.publish(i);
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        for (int i = 10; i < 15; i++) {
            f.publish(i);
        }
        assertTrue(f.drain(5, TimeUnit.SECONDS));
        assertEquals(0, f.dropped(), "evicting replay items loses nothing");
        assertEquals(15, got.size());
        f.close();
    }
}
