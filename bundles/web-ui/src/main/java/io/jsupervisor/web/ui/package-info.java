/**
 * What a plugin needs to add a tab to the Felix Web Console the daemon serves at {@code /system/console}
 * (behind the [inet_http_server] credentials): the {@link io.jsupervisor.web.ui.WebConsolePlugin} component
 * property type. Build-time only: using it adds no package import to a plugin.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jsupervisor.web.ui;
