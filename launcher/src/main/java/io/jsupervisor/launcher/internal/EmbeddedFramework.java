package io.jsupervisor.launcher.internal;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One Felix framework in this JVM: installs the bundle set, starts it level by level, and waits for the end. */
public final class EmbeddedFramework {
    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private final Framework framework;
    private final Path storage;

    public EmbeddedFramework(Map<String, String> properties, Path storage) {
        this.framework = new FrameworkFactory().newFramework(properties);
        this.storage = storage;
    }

    /**
     * Installs every bundle, marks it for start at its level, then raises the start level and returns once the
     * framework reports STARTED (every bundle whose level is reached has been started or has failed), or once it
     * is stopping already.
     *
     * @return the bundles that are not ACTIVE afterwards (fragments excepted)
     */
    public List<Bundle> start(List<BundleSet.Entry> bundles) throws BundleException, InterruptedException {
        framework.init();
        BundleContext context = framework.getBundleContext();
        CountDownLatch started = new CountDownLatch(1);
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        if (Boolean.getBoolean("jsupervisor.timing")) {
            context.addBundleListener(new BundleStartTimes(System.err));
        }
        for (BundleSet.Entry entry : bundles) {
            // reference: Felix reads the jar in place instead of copying it into the cache
            Bundle bundle = context.installBundle("reference:" + entry.jar().toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
            if (!entry.fragment()) {
                bundle.start(); // only recorded: the framework's start level is still 0
            }
        }
        framework.start();
        // the start level rises on Felix's thread; a shutdown requested meanwhile (the core serves RPC before
        // level 3 is reached) means STARTED never comes: stop waiting once the framework is no longer active
        while (!started.await(100, TimeUnit.MILLISECONDS)) {
            if (!isActive()) {
                return List.of();
            }
        }
        List<Bundle> inactive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                inactive.add(bundle);
            }
        }
        return inactive;
    }

    /** Blocks until the framework has stopped for good (an update of the system bundle restarts it). */
    public void awaitStop() throws InterruptedException, BundleException {
        while (framework.waitForStop(0).getType() == FrameworkEvent.STOPPED_UPDATE) {
            framework.start();
        }
    }

    public boolean isActive() {
        return (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0;
    }

    /** Stops the framework (bounded) and removes its cache. Safe to call more than once. */
    public void stop() {
        try {
            if (isActive()) {
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MILLIS);
            }
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteStorage();
        }
    }

    public void deleteStorage() {
        if (!Files.exists(storage)) {
            return;
        }
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover cache in the temp dir is harmless; the next run uses a new one
        }
    }
}
