package io.jsupervisor.web.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Makes a {@code jakarta.servlet.Servlet} component a tab of the Felix Web Console: writes the service properties
 * {@code felix.webconsole.label}, {@code felix.webconsole.title} and {@code felix.webconsole.category} the
 * console looks for. The servlet needs no HTTP whiteboard pattern: the console serves it at
 * {@code /system/console/<label>}, after its own header, behind its security provider (the daemon's
 * [inet_http_server] credentials).
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;WebConsolePlugin(label = "hello", title = "Hello")
 * public final class HelloTab extends HttpServlet { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebConsolePlugin {
    /** Prefix of the property names: {@code felix.webconsole.label} and so on. */
    String PREFIX_ = "felix.webconsole.";

    /** The last segment of the tab's path, {@code /system/console/<label>}. */
    String label();

    /** The tab's title in the console's menu. */
    String title();

    /** The menu the tab is listed under; empty for the console's default one. */
    String category() default "";
}
