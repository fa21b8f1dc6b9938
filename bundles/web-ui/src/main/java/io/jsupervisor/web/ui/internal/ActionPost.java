package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A status-page action sent as a POST form, shared by the status page and the Web Console tab: checks the
 * form token (else 403, nothing done), runs the action and answers 303 to {@code <home>?message=...} once
 * it is done, without holding a thread where the container allows async requests.
 */
final class ActionPost {
    private final CsrfToken token;
    private final ActionRunner runner;

    ActionPost(ProcessManager pm, SecureRandom random) {
        this.token = new CsrfToken(random);
        this.runner = new ActionRunner(pm);
    }

    /** The token every form of this page must carry. */
    String token() {
        return token.value();
    }

    /** @param home where to send the browser afterwards (a path, no query) */
    void handle(HttpServletRequest req, HttpServletResponse resp, String home) throws IOException {
        if (!token.matches(req.getParameter(CsrfToken.PARAM))) {
            Responses.text(resp, HttpServletResponse.SC_FORBIDDEN,
                    "Forbidden: missing or wrong form token; reload the status page and try again");
            return;
        }
        String action = req.getParameter("action");
        if (action == null || action.isEmpty()) {
            redirect(resp, home);
            return;
        }
        CompletionStage<String> message;
        try {
            message = runner.run(action, req.getParameter("processname"));
        } catch (IllegalArgumentException e) {
            Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (!req.isAsyncSupported()) {
            // the Web Console's servlet is not async: wait on this thread (the runner's future never fails)
            redirect(resp, home + "?message=" + Html.encode(shown(message.toCompletableFuture().join(), null)));
            return;
        }
        // starts and stops may wait for seconds: hold no thread meanwhile
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        message.whenComplete((text, failure) -> {
            try {
                redirect((HttpServletResponse) async.getResponse(), home + "?message=" + Html.encode(shown(text, failure)));
            } finally {
                async.complete();
            }
        });
    }

    private static String shown(String text, Throwable failure) {
        if (failure == null) {
            return text;
        }
        return "ERROR: " + (failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure);
    }

    static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }
}
