package io.jsupervisor.rpc.xml.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import org.xml.sax.SAXException;

/**
 * {@code POST /RPC2} with the reference's HTTP behaviour: any other method 400, no Content-Length 411,
 * a body over the limit 413 (refused before it is read), unparseable XML or no method name 400, else
 * 200 {@code text/xml} with a Content-Length, faults included. A call that waits (startProcess with
 * wait) holds the reply, not a thread, when the container supports async requests.
 */
public class RpcServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient RpcDispatcher dispatcher;
    private final transient XmlRpcCodec codec = new XmlRpcCodec();
    private final transient LongSupplier maxRequestBytes;

    RpcServlet(RpcDispatcher dispatcher, LongSupplier maxRequestBytes) {
        this.dispatcher = dispatcher;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        long length = req.getContentLengthLong();
        if (length < 0) {
            resp.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            return;
        }
        if (length > maxRequestBytes.getAsLong()) {
            resp.setHeader("Connection", "close"); // the body stays unread
            resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        byte[] body = req.getInputStream().readNBytes((int) length);
        XmlRpcCodec.Call call;
        try {
            call = codec.parse(body);
        } catch (SAXException | IOException | RuntimeException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        CompletableFuture<Object> reply = dispatcher.call(call.method(), call.params());
        if (reply.isDone() || !req.isAsyncSupported()) {
            send(resp, reply);
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        // write on a container thread, never on the thread that completed the future (the engine's)
        reply.whenComplete((value, failure) -> async.start(() -> {
            try {
                send((HttpServletResponse) async.getResponse(), reply);
            } catch (IOException e) {
                // the client went away; nothing to tell
            } finally {
                async.complete();
            }
        }));
    }

    private void send(HttpServletResponse resp, CompletableFuture<Object> reply) throws IOException {
        byte[] body;
        try {
            body = codec.response(reply.get());
        } catch (ExecutionException e) {
            body = fault(FaultValue.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            body = fault(FaultValue.of(e));
        } catch (SAXException | RuntimeException e) {
            body = fault(FaultValue.of(e));
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/xml");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private byte[] fault(FaultValue fault) {
        try {
            return codec.fault(fault);
        } catch (SAXException e) {
            throw new IllegalStateException("a fault is always writable", e);
        }
    }
}
