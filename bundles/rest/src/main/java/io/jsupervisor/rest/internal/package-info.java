/** Implementation of /metrics, /api/v1/* and /api/v1/events; not exported. */
package io.jsupervisor.rest.internal;
