/**
 * The typed, immutable model of a {@code supervisord.conf} and the loader that reads it exactly as
 * Supervisor 4.2.5 does. Pure Java: usable inside OSGi and on the launcher's plain class path.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.jsupervisor.config;
