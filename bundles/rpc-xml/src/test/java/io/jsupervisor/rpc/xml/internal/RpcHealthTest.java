package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.SupervisorException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jsupervisor.getHealth / getAllHealth over real XML-RPC, read by Python's xmlrpc client. */
class RpcHealthTest {
    static final HealthInfo WEB = new HealthInfo("web", HealthState.UNHEALTHY, "http://127.0.0.1:8080/health",
            1_700_000_000_123L, "timed out after 5 s", 3);
    static final HealthInfo PLAIN = new HealthInfo("g:plain", HealthState.NONE, "", 0, "", 0);

    private final FakeProcessManager pm = new FakeProcessManager() {
        @Override
        public HealthInfo health(String name) {
            return switch (name) {
                case "web" -> WEB;
                case "g:plain" -> PLAIN;
                default -> throw new SupervisorException(Fault.BAD_NAME, name);
            };
        }

        @Override
        public List<HealthInfo> allHealth() {
            return List.of(PLAIN, WEB);
        }
    };
    private final MethodTable table = new MethodTable(pm);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        table.add(new JsupervisorNamespace(pm));
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
    void getHealthAnswersAStructWithItsSignature() throws Exception {
        assertEquals("{'check': 'http://127.0.0.1:8080/health', 'failures': 3, 'health': 'UNHEALTHY', "
                + "'lastcheck': 1700000000, 'lastresult': 'timed out after 5 s', 'name': 'web'}\n"
                + "['struct', 'string'] ['array']",
                py("print(dict(sorted(s.jsupervisor.getHealth('web').items())))\n"
                        + "print(s.system.methodSignature('jsupervisor.getHealth'),"
                        + " s.system.methodSignature('jsupervisor.getAllHealth'))"));
    }

    @Test
    void getAllHealthListsEveryProcessInOrderAndAnUnknownNameIsBadName() throws Exception {
        assertEquals("['g:plain NONE', 'web UNHEALTHY']\n10 BAD_NAME: nope", py("""
                print([h['name'] + ' ' + h['health'] for h in s.jsupervisor.getAllHealth()])
                try:
                    s.jsupervisor.getHealth('nope')
                except xmlrpc.client.Fault as f:
                    print(f.faultCode, f.faultString)"""));
    }
}
