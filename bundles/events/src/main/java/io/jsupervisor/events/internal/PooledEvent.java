package io.jsupervisor.events.internal;

import io.jsupervisor.api.SupervisorEvent;

/**
 * An event in one pool's queue, with the numbers it keeps when re-buffered.
 *
 * @param event      the event
 * @param serial     its daemon-wide serial, given when it first entered any pool
 * @param poolSerial its serial in this pool
 */
record PooledEvent(SupervisorEvent event, long serial, long poolSerial) {
}
