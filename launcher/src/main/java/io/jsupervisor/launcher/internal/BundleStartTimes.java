package io.jsupervisor.launcher.internal;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** With {@code -Djsupervisor.timing=true}: how long each bundle's activation took (the slow ones only). */
final class BundleStartTimes implements SynchronousBundleListener {
    private static final long REPORT_ABOVE_NANOS = 20_000_000;
    private final Map<Long, Long> startingSince = new ConcurrentHashMap<>();
    private final PrintStream out;

    BundleStartTimes(PrintStream out) {
        this.out = out;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTING) {
            startingSince.put(id, System.nanoTime());
        } else if (event.getType() == BundleEvent.STARTED) {
            Long since = startingSince.remove(id);
            if (since != null && System.nanoTime() - since > REPORT_ABOVE_NANOS) {
                out.println("timing: " + (System.nanoTime() - since) / 1_000_000 + " ms to activate "
                        + event.getBundle().getSymbolicName());
            }
        }
    }
}
