/**
 * The JSupervisor API: the {@link io.jsupervisor.api.ProcessManager} service that the core publishes,
 * the reference's states and fault codes, and the service provider interfaces that other bundles
 * implement (whiteboard): {@link io.jsupervisor.api.OutputSink}, {@link io.jsupervisor.api.MainLogSink},
 * {@link io.jsupervisor.api.LogStore}, {@link io.jsupervisor.api.SupervisorEventListener}.
 * Nothing here imports OSGi, HTTP or XML types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.jsupervisor.api;
