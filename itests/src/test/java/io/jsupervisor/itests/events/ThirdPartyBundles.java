package io.jsupervisor.itests.events;

import io.jsupervisor.itests.events.thirdparty.TopicEventRecorder;
import io.jsupervisor.itests.events.thirdparty.TypedEventRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds, at test time, two bundles that know nothing of JSupervisor's internals: one class each, a manifest
 * written here and a DS component description. The listener bundle imports only {@code io.jsupervisor.api};
 * the Event Admin handler bundle imports only {@code org.osgi.service.event}.
 */
final class ThirdPartyBundles {
    private ThirdPartyBundles() {
    }

    /** A bundle whose DS component {@link TypedEventRecorder} records typed events into {@code record}. */
    static Path typedListener(Path dir, Path record) throws IOException {
        return build(dir.resolve("thirdparty-typed-listener.jar"), "thirdparty.typed.listener",
                "io.jsupervisor.api;version=\"[1.0,2)\"", TypedEventRecorder.class,
                "io.jsupervisor.api.SupervisorEventListener", record, "");
    }

    /** A bundle whose DS component {@link TopicEventRecorder} records Event Admin events into {@code record}. */
    static Path eventAdminHandler(Path dir, Path record) throws IOException {
        return build(dir.resolve("thirdparty-eventadmin-handler.jar"), "thirdparty.eventadmin.handler",
                "org.osgi.service.event;version=\"[1.4,2)\"", TopicEventRecorder.class,
                "org.osgi.service.event.EventHandler", record,
                // the documented topics: io.jsupervisor.events.SupervisorEventTopics.TOPIC_ALL
                "<property name=\"event.topics\" type=\"String\" value=\"io/jsupervisor/event/*\"/>");
    }

    private static Path build(Path jar, String symbolicName, String imports, Class<?> component, String service,
                              Path record, String extraProperties) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", imports);
        main.putValue("Service-Component", "OSGI-INF/component.xml");
        String classFile = component.getName().replace('.', '/') + ".class";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s" immediate="true"
                    activate="activate">
                  <implementation class="%s"/>
                  <service><provide interface="%s"/></service>
                  <property name="record" type="String" value="%s"/>
                  %s
                </scr:component>
                """.formatted(symbolicName, component.getName(), service, record, extraProperties);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/component.xml"));
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream bytes = component.getClassLoader().getResourceAsStream(classFile)) {
                bytes.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }
}
