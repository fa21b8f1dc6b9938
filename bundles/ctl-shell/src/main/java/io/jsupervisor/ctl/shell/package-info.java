/**
 * supervisorctl's commands as data: {@link io.jsupervisor.ctl.shell.Supervisorctl} runs a command line
 * against any {@link io.jsupervisor.api.ProcessManager} (the in-process service, or a remote proxy) and
 * answers a {@link io.jsupervisor.ctl.shell.CtlResult}: the lines the reference's supervisorctl 4.2.5 prints
 * and the exit status it would give. Printing is the caller's job, so the Gogo commands and a standalone
 * client share one implementation.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.jsupervisor.ctl.shell;
