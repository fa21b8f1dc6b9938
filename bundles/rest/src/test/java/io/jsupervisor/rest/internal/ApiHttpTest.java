package io.jsupervisor.rest.internal;

import static io.jsupervisor.rest.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every JSON endpoint over real HTTP, with the reference's faults mapped to HTTP statuses. */
class ApiHttpTest {
    private RestServer rest;
    private FakeProcessManager pm;

    @BeforeEach
    void start() throws Exception {
        pm = new FakeProcessManager().with(
                process("web", "web_0", ProcessState.RUNNING, 101),
                process("web", "web_1", ProcessState.STOPPED, 0),
                process("cat", "cat", ProcessState.STOPPED, 0));
        rest = new RestServer(pm);
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JsonReader.object(r.body());
    }

    private static void assertFault(HttpResponse<String> r, int status, String fault, int code) {
        assertEquals(status, r.statusCode(), r.body());
        Map<String, Object> body = json(r);
        assertEquals(fault, body.get("fault"), r.body());
        assertEquals((long) code, body.get("code"), r.body());
        assertTrue(((String) body.get("message")).startsWith(fault), r.body());
    }

    @Test
    void supervisorReportsStatePidAndVersion() throws Exception {
        Map<String, Object> s = json(Http.get(rest.api("/supervisor")));
        assertEquals("RUNNING", s.get("state"));
        assertEquals(1L, s.get("statecode"));
        assertEquals(4242L, s.get("pid"));
        assertEquals("4.2.5", s.get("version"));
        assertEquals("3.0", s.get("api_version"));
    }

    @Test
    void processesAreListedInOrderWithNamespecs() throws Exception {
        HttpResponse<String> r = Http.get(rest.api("/processes"));
        assertEquals(200, r.statusCode());
        List<Object> list = JsonReader.array(r.body());
        assertEquals(3, list.size());
        @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) list.get(0);
        assertEquals("cat", first.get("namespec"));
        @SuppressWarnings("unchecked") Map<String, Object> web0 = (Map<String, Object>) list.get(1);
        assertEquals("web:web_0", web0.get("namespec"));
        assertEquals("RUNNING", web0.get("state"));
        assertEquals(20L, web0.get("statecode"));
        assertEquals(101L, web0.get("pid"));
        assertEquals(100L, web0.get("uptime"));
    }

    @Test
    void oneProcessOrBadNameAs404() throws Exception {
        assertEquals("web_1", json(Http.get(rest.api("/processes/web:web_1"))).get("name"));
        assertFault(Http.get(rest.api("/processes/nope")), 404, "BAD_NAME", 10);
    }

    @Test
    void groupsListTheirProcesses() throws Exception {
        List<Object> groups = JsonReader.array(Http.get(rest.api("/groups")).body());
        assertEquals(List.of(Map.of("name", "cat", "processes", List.of("cat")),
                Map.of("name", "web", "processes", List.of("web:web_0", "web:web_1"))), groups);
        assertEquals(List.of("web:web_0", "web:web_1"), json(Http.get(rest.api("/groups/web"))).get("processes"));
        assertFault(Http.get(rest.api("/groups/nope")), 404, "BAD_NAME", 10);
    }

    @Test
    void startAnswersTheProcessAfterwardsAndWaitsByDefault() throws Exception {
        HttpResponse<String> r = Http.post(rest.api("/processes/cat/start"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("RUNNING", json(r).get("state"));
        assertEquals(List.of("startProcess cat true"), pm.calls());
        assertFault(Http.post(rest.api("/processes/cat/start")), 409, "ALREADY_STARTED", 60);
    }

    @Test
    void startWithoutWaitPassesWaitFalse() throws Exception {
        assertEquals(200, Http.post(rest.api("/processes/cat/start?wait=false")).statusCode());
        assertEquals(List.of("startProcess cat false"), pm.calls());
        assertFault(Http.post(rest.api("/processes/cat/stop?wait=maybe")), 400, "BAD_ARGUMENTS", 3);
    }

    @Test
    void aWaitingStartHoldsNoThreadAndAnswersWhenTheCoreDoes() throws Exception {
        CompletableFuture<Boolean> later = new CompletableFuture<>();
        pm.pendingStart = later;
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.post(rest.api("/processes/cat/start"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Wait.until(() -> pm.calls().contains("startProcess cat true"));
        assertFalse(answer.isDone());
        later.complete(true);
        HttpResponse<String> r = answer.get();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("RUNNING", json(r).get("state"));
    }

    @Test
    void stopOfAStoppedProcessIsNotRunning409() throws Exception {
        assertFault(Http.post(rest.api("/processes/cat/stop")), 409, "NOT_RUNNING", 70);
        HttpResponse<String> r = Http.post(rest.api("/processes/web:web_0/stop"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("STOPPED", json(r).get("state"));
    }

    @Test
    void restartStopsThenStartsAndToleratesNotRunning() throws Exception {
        assertEquals(200, Http.post(rest.api("/processes/web:web_0/restart")).statusCode());
        assertEquals(200, Http.post(rest.api("/processes/cat/restart")).statusCode());
        assertEquals(List.of("stopProcess web:web_0 true", "startProcess web:web_0 true",
                "stopProcess cat true", "startProcess cat true"), pm.calls());
        assertFault(Http.post(rest.api("/processes/nope/restart")), 404, "BAD_NAME", 10);
    }

    @Test
    void groupActionsAnswerPerProcessResults() throws Exception {
        HttpResponse<String> r = Http.post(rest.api("/processes/web:*/start"));
        assertEquals(200, r.statusCode(), r.body());
        @SuppressWarnings("unchecked") List<Map<String, Object>> results = (List<Map<String, Object>>) json(r).get("results");
        assertEquals("ALREADY_STARTED", results.get(0).get("fault"));
        assertEquals(60L, results.get(0).get("status"));
        assertEquals("SUCCESS", results.get(1).get("fault"));
        assertEquals("OK", results.get(1).get("description"));
    }

    @Test
    void signalNeedsASignalAndMapsItsFaults() throws Exception {
        assertEquals(200, Http.post(rest.api("/processes/web:web_0/signal?signal=HUP")).statusCode());
        assertEquals(List.of("signalProcess web:web_0 HUP"), pm.calls());
        assertFault(Http.post(rest.api("/processes/web:web_0/signal")), 400, "BAD_ARGUMENTS", 3);
        assertFault(Http.post(rest.api("/processes/web:web_0/signal?signal=NOPE")), 400, "BAD_SIGNAL", 11);
        assertFault(Http.post(rest.api("/processes/cat/signal?signal=HUP")), 409, "NOT_RUNNING", 70);
    }

    @Test
    void logsAreReadByOffsetAndTailed() throws Exception {
        pm.stdout = FakeProcessManager.utf8("line one\nline two\n");
        Map<String, Object> all = json(Http.get(rest.api("/processes/cat/log/stdout")));
        assertEquals("line one\nline two\n", all.get("data"));
        Map<String, Object> slice = json(Http.get(rest.api("/processes/cat/log/stdout?offset=5&length=3")));
        assertEquals("one", slice.get("data"));
        assertEquals(5L, slice.get("offset"));
        assertEquals("two\n", json(Http.get(rest.api("/processes/cat/log/stdout?offset=-4&length=0"))).get("data"));
        Map<String, Object> tail = json(Http.get(rest.api("/processes/cat/log/stdout/tail?offset=0&length=9")));
        assertEquals("line two\n", tail.get("data"));
        assertEquals(18L, tail.get("offset"));
        assertEquals(true, tail.get("overflow"));
        assertFault(Http.get(rest.api("/processes/cat/log/stdout?offset=-4&length=2")), 400, "BAD_ARGUMENTS", 3);
        assertFault(Http.get(rest.api("/processes/cat/log/stdout?offset=x")), 400, "BAD_ARGUMENTS", 3);
        assertFault(Http.get(rest.api("/processes/cat/log/stdin")), 400, "BAD_ARGUMENTS", 3);
        assertFault(Http.get(rest.api("/processes/cat/log/stderr")), 404, "NO_FILE", 20);
    }

    @Test
    void rereadReportsChangesWithoutApplyingThem() throws Exception {
        pm.reload = new ReloadResult(List.of("new"), List.of("web"), List.of("cat"));
        Map<String, Object> r = json(Http.post(rest.api("/reread")));
        assertEquals(List.of("new"), r.get("added"));
        assertEquals(List.of("web"), r.get("changed"));
        assertEquals(List.of("cat"), r.get("removed"));
        assertEquals(List.of("reloadConfig"), pm.calls());
    }

    @Test
    void updateAppliesRemovedChangedAddedLikeSupervisorctl() throws Exception {
        pm.reload = new ReloadResult(List.of("new"), List.of("web"), List.of("cat"));
        HttpResponse<String> resp = Http.post(rest.api("/update"));
        assertEquals(200, resp.statusCode(), resp.body());
        Map<String, Object> r = json(resp);
        assertEquals(List.of("cat: stopped", "cat: removed process group", "web: stopped", "web: updated process group",
                "new: added process group"), r.get("messages"));
        assertEquals(List.of("reloadConfig", "stopProcessGroup cat true", "stopProcess cat true",
                "removeProcessGroup cat", "stopProcessGroup web true", "stopProcess web:web_0 true",
                "stopProcess web:web_1 true", "removeProcessGroup web", "addProcessGroup web", "addProcessGroup new"),
                pm.calls());
        List<String> groups = JsonReader.array(Http.get(rest.api("/groups")).body()).stream()
                .map(g -> (String) ((Map<?, ?>) g).get("name")).toList();
        assertEquals(List.of("new", "web"), groups);
    }

    @Test
    void updateOfNamedGroupsOnlyAndUnknownGroupIs404() throws Exception {
        pm.reload = new ReloadResult(List.of("new"), List.of(), List.of("cat"));
        Map<String, Object> r = json(Http.post(rest.api("/update?group=new")));
        assertEquals(List.of("new: added process group"), r.get("messages"));
        assertFault(Http.post(rest.api("/update?group=nope")), 404, "BAD_NAME", 10);
    }

    @Test
    void updateChangedOnlyIsOneCallWithProcessListsAndSupervisorctlLines() throws Exception {
        pm.update = new io.jsupervisor.api.UpdateReport(List.of("new", "pool"), List.of("cat", "pool"),
                List.of("web:web_0"), List.of("web:web_2"), List.of("web:web_1"));
        HttpResponse<String> resp = Http.post(rest.api("/update?changed_only=true"));
        assertEquals(200, resp.statusCode(), resp.body());
        Map<String, Object> r = json(resp);
        assertEquals(List.of("new"), r.get("added"));
        assertEquals(List.of("pool"), r.get("changed"));
        assertEquals(List.of("cat"), r.get("removed"));
        assertEquals(List.of("web:web_0"), r.get("restarted"));
        assertEquals(List.of("web:web_2"), r.get("added_processes"));
        assertEquals(List.of("web:web_1"), r.get("removed_processes"));
        assertEquals(List.of("cat: stopped", "cat: removed process group", "pool: stopped",
                "pool: updated process group", "web:web_1: removed process", "web:web_0: restarted",
                "web:web_2: added process", "new: added process group"), r.get("messages"));
        assertEquals(List.of("updateChangedOnly"), pm.calls());
        assertFault(Http.post(rest.api("/update?changed_only=true&group=web")), 400, "BAD_ARGUMENTS", 3);
        assertFault(Http.post(rest.api("/update?changed_only=maybe")), 400, "BAD_ARGUMENTS", 3);
        Http.post(rest.api("/update?changed_only=false"));
        assertEquals("reloadConfig", pm.calls().get(1), "changed_only=false is the reference's update");
    }

    @Test
    void shutdownStateIs503() throws Exception {
        pm.state = SupervisorState.SHUTDOWN;
        assertFault(Http.get(rest.api("/processes")), 503, "SHUTDOWN_STATE", 6);
        assertFault(Http.post(rest.api("/processes/cat/start")), 503, "SHUTDOWN_STATE", 6);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() throws Exception {
        assertFault(Http.get(rest.api("/nothing")), 404, "UNKNOWN_METHOD", 1);
        HttpResponse<String> r = Http.get(rest.api("/processes/cat/start"));
        assertFault(r, 405, "UNKNOWN_METHOD", 1);
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void postWithoutJsonTypeOrHeaderIsRefusedAsCrossSite() throws Exception {
        HttpResponse<String> form = Http.send(HttpRequest.newBuilder(URI.create(rest.api("/processes/cat/start")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertFault(form, 403, "FAILED", 30);
        HttpResponse<String> withHeader = Http.send(HttpRequest.newBuilder(URI.create(rest.api("/processes/cat/start")))
                .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, withHeader.statusCode(), withHeader.body());
        assertEquals(List.of("startProcess cat true"), pm.calls());
    }

    @Test
    void postFromAnotherOriginIsRefusedAndFromOurOwnAccepted() throws Exception {
        URI uri = URI.create(rest.api("/processes/web:web_0/stop"));
        HttpResponse<String> evil = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertFault(evil, 403, "FAILED", 30);
        HttpResponse<String> otherPort = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, otherPort.statusCode());
        assertTrue(pm.calls().isEmpty(), pm.calls().toString());
        HttpResponse<String> own = Http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Origin", "http://" + uri.getHost() + ":" + uri.getPort()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, own.statusCode(), own.body());
    }

    @Test
    void requestsAreCountedPerRouteTemplate() throws Exception {
        Http.get(rest.api("/processes/cat"));
        Http.get(rest.api("/processes/nope"));
        String metrics = Http.get(rest.url("/metrics")).body();
        assertTrue(metrics.contains("jsupervisor_http_requests_total{endpoint=\"/api/v1/processes/{name}\",method=\"GET\",code=\"200\"} 1\n"), metrics);
        assertTrue(metrics.contains("jsupervisor_http_requests_total{endpoint=\"/api/v1/processes/{name}\",method=\"GET\",code=\"404\"} 1\n"), metrics);
        assertTrue(metrics.contains("jsupervisor_http_request_duration_seconds_count{endpoint=\"/api/v1/processes/{name}\",method=\"GET\"} 2\n"), metrics);
    }
}
