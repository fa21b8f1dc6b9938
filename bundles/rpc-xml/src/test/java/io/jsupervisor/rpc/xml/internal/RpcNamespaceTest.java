package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.rpc.xml.RpcFault;
import io.jsupervisor.rpc.xml.RpcNamespace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RpcNamespace services add name.method calls, listed and introspectable like the built-in ones. */
class RpcNamespaceTest {
    /** A plugin as a third party would write it. */
    public static final class Twiddler implements RpcNamespace {
        @Override
        public String name() {
            return "twiddler";
        }

        public String getAPIVersion() {
            return "1.0";
        }

        public int add(int a, int b) {
            return a + b;
        }

        public long big() {
            return Long.MAX_VALUE;
        }

        public void log(String text) {
        }

        public Map<String, Object> echo(List<Object> items, Map<String, Object> struct) {
            return Map.of("n", items.size(), "keys", struct.size());
        }

        public CompletionStage<String> later() {
            return CompletableFuture.completedFuture("done");
        }

        public boolean fail() {
            throw new RpcFault(1001, "TWIDDLE_FAILED: no");
        }

        public String _hidden() {
            return "secret";
        }
    }

    private final FakeProcessManager pm = new FakeProcessManager();
    private final MethodTable table = new MethodTable(pm);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer().servlet(new RpcServlet(table.dispatcher(), () -> 1 << 20), "/RPC2").start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String py(String code) throws Exception {
        return Python.run(server.url("/RPC2"), code);
    }

    @Test
    void aNamespaceServiceAddsListedCallableMethods() throws Exception {
        table.add(new Twiddler());
        assertEquals("['twiddler.add', 'twiddler.big', 'twiddler.echo', 'twiddler.fail', 'twiddler.getAPIVersion',"
                + " 'twiddler.later', 'twiddler.log'] 48",
                py("m = s.system.listMethods(); print([x for x in m if x.startswith('twiddler')], len(m))"));
        assertEquals("1.0 5 2147483647 True {'keys': 1, 'n': 2} done ['int', 'int', 'int']",
                py("print(s.twiddler.getAPIVersion(), s.twiddler.add(2, 3), s.twiddler.big(), s.twiddler.log('x'),"
                        + " dict(sorted(s.twiddler.echo([1, 'a'], {'k': 1}).items())), s.twiddler.later(),"
                        + " s.system.methodSignature('twiddler.add'))"));
    }

    @Test
    void pluginFaultsAndBadArgumentsAnswerAsFaults() throws Exception {
        table.add(new Twiddler());
        assertEquals("1001 TWIDDLE_FAILED: no\n2 INCORRECT_PARAMETERS\n2 INCORRECT_PARAMETERS\n1 UNKNOWN_METHOD", py("""
                for call, args in [(s.twiddler.fail, ()), (s.twiddler.add, ('a', 1)), (s.twiddler.add, (1,)),
                                   (s.twiddler._hidden, ())]:
                    try:
                        call(*args); print('no fault')
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode, e.faultString)"""));
    }

    @Test
    void reservedNamespacesAreIgnoredAndRemovalUnpublishes() throws Exception {
        RpcNamespace impostor = new RpcNamespace() {
            @Override
            public String name() {
                return "supervisor";
            }

            @Override
            public Object handler() {
                return new Twiddler();
            }
        };
        table.add(impostor);
        Twiddler twiddler = new Twiddler();
        table.add(twiddler);
        assertEquals("3.0", py("print(s.supervisor.getAPIVersion())"));
        table.remove(twiddler);
        assertEquals("41", py("print(len(s.system.listMethods()))"));
    }

    /** A plugin that names its namespace with {@code @RpcNamespaceName}, that is, the service property only. */
    public static final class Greeter implements RpcNamespace {
        public String greet(String who) {
            return "Hello, " + who + "!";
        }
    }

    @Test
    void theNamespacePropertyNamesAServiceWithoutName() throws Exception {
        table.add(new Greeter(), Map.of(RpcNamespace.NAME_PROPERTY, "hello"));
        assertEquals("['hello.greet'] Hello, Ada!", py(
                "print([x for x in s.system.listMethods() if x.startswith('hello')], s.hello.greet('Ada'))"));
    }

    @Test
    void theNamespacePropertyWinsOverNameAndNoNameAtAllIsIgnored() throws Exception {
        table.add(new Twiddler(), Map.of(RpcNamespace.NAME_PROPERTY, "fiddler"));
        table.add(new Greeter(), Map.of());
        assertEquals("['fiddler.add'] 3 48", py("m = s.system.listMethods();"
                + " print([x for x in m if x.endswith('.add')], s.fiddler.add(1, 2), len(m))"));
    }
}
