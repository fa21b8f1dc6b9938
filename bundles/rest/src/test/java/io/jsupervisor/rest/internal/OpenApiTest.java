package io.jsupervisor.rest.internal;

import static io.jsupervisor.rest.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jsupervisor.api.ProcessState;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: well-formed OpenAPI 3.0, and exactly the operations the servlets answer. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private final Map<String, Object> doc = JsonReader.object(ApiRoutes.readOpenApi());

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    /** Follows a local {@code $ref}, failing when it leads nowhere. */
    private Map<String, Object> resolve(Object node) {
        Map<String, Object> m = map(node);
        Object ref = m.get("$ref");
        if (ref == null) {
            return m;
        }
        String r = (String) ref;
        assertTrue(r.startsWith("#/"), r);
        Object at = doc;
        for (String part : r.substring(2).split("/")) {
            at = map(at).get(part);
            assertNotNull(at, "unresolved " + r);
        }
        return resolve(at);
    }

    private void allRefsResolve(Object node) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("$ref")) {
                resolve(node);
            }
            m.values().forEach(this::allRefsResolve);
        } else if (node instanceof List<?> l) {
            l.forEach(this::allRefsResolve);
        }
    }

    /** Documented operations as {@code METHOD /path}. */
    private Set<String> documented() {
        Set<String> ops = new TreeSet<>();
        map(doc.get("paths")).forEach((path, item) -> map(item).keySet().stream().filter(METHODS::contains)
                .forEach(m -> ops.add(m.toUpperCase() + " " + path)));
        return ops;
    }

    @Test
    void documentIsWellFormedOpenApi3() {
        assertTrue(((String) doc.get("openapi")).matches("3\\.0\\.\\d+"), "openapi version");
        Map<String, Object> info = map(doc.get("info"));
        assertNotNull(info.get("title"));
        assertNotNull(info.get("version"));
        assertEquals("/api/v1", map(list(doc.get("servers")).get(0)).get("url"));
        assertEquals(Set.of("basic"), map(map(doc.get("components")).get("securitySchemes")).keySet());
        allRefsResolve(doc);
        Set<String> operationIds = new HashSet<>();
        Pattern param = Pattern.compile("\\{([^}]+)}");
        map(doc.get("paths")).forEach((path, item) -> {
            assertTrue(path.startsWith("/"), path);
            for (Map.Entry<String, Object> op : map(item).entrySet()) {
                assertTrue(METHODS.contains(op.getKey()) || op.getKey().equals("parameters"), path + " " + op.getKey());
                Map<String, Object> o = map(op.getValue());
                assertTrue(operationIds.add((String) o.get("operationId")), "operationId unique: " + o.get("operationId"));
                Map<String, Object> responses = map(o.get("responses"));
                assertTrue(responses.containsKey("200"), path);
                responses.forEach((code, r) -> {
                    assertTrue(code.matches("[1-5]\\d\\d|default"), code);
                    assertNotNull(resolve(r).get("description"), path + " " + code);
                });
                Set<String> pathParams = new HashSet<>();
                for (Object p : list(o.get("parameters"))) {
                    Map<String, Object> pm = resolve(p);
                    assertTrue(Set.of("path", "query", "header").contains(pm.get("in")), pm.toString());
                    assertNotNull(pm.get("schema"), pm.toString());
                    if ("path".equals(pm.get("in"))) {
                        assertEquals(Boolean.TRUE, pm.get("required"), pm.toString());
                        pathParams.add((String) pm.get("name"));
                    }
                }
                Set<String> inTemplate = new HashSet<>();
                Matcher m = param.matcher(path);
                while (m.find()) {
                    inTemplate.add(m.group(1));
                }
                assertEquals(inTemplate, pathParams, "path parameters of " + op.getKey() + " " + path);
            }
        });
    }

    @Test
    void everyDocumentedOperationIsImplementedAndViceVersa() throws Exception {
        Set<String> implemented = new TreeSet<>();
        try (RestServer rest = new RestServer(new FakeProcessManager())) {
            for (Router.Route r : rest.api.router().routes()) {
                implemented.add(r.method() + " " + r.template());
            }
        }
        implemented.add("GET " + EventsServlet.PATH.substring(ApiServlet.PREFIX.length()));
        assertEquals(implemented, documented());
    }

    @Test
    void everyDocumentedOperationIsAnsweredOverHttp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> unanswered = new ArrayList<>();
        try (RestServer rest = new RestServer(new FakeProcessManager().with(
                process("cat", "cat", ProcessState.RUNNING, 5)))) {
            for (String op : documented()) {
                String method = op.substring(0, op.indexOf(' '));
                String path = op.substring(op.indexOf(' ') + 1).replace("{name}", "cat").replace("{channel}", "stdout");
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rest.api(path))).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody());
                // the endless stream gets a client of its own: its connection is dropped, never pooled
                HttpClient via = path.equals("/events") ? HttpClient.newHttpClient() : client;
                HttpResponse<InputStream> r = via.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = r.body()) {
                    if (path.equals("/events")) {
                        assertEquals(200, r.statusCode());
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
                        continue; // an endless stream: close it
                    }
                    String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (r.statusCode() == 405 || text.contains("\"UNKNOWN_METHOD\"")) {
                        unanswered.add(op + " → " + r.statusCode() + " " + text);
                    }
                }
            }
        }
        if (!unanswered.isEmpty()) {
            fail("documented but not answered: " + unanswered);
        }
    }
}
