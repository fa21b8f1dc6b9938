package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.DependencyRef;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depends_on: its syntax per section, then unknown names and cycles across the whole file, refused at load. */
class DependencyGraphTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private String write(String name, String body) throws Exception {
        Files.writeString(tmp.resolve(name), "[supervisord]\n" + body);
        return name;
    }

    @Test
    void namesOfEveryFormAreKeptAsWrittenAndParse() throws Exception {
        String f = write("ok.conf", """
                [program:db]
                command=/bin/db
                [program:cache]
                command=/bin/cache
                numprocs=2
                process_name=%(program_name)s_%(process_num)s
                [group:back]
                programs=queue
                [program:queue]
                command=/bin/q
                [program:web]
                command=/bin/web
                depends_on = db , back:queue,cache:*
                """);
        SupervisorConfig c = fx.load(f);
        ProcessSpec web = Fixtures.process(c, "web");
        assertEquals("db , back:queue,cache:*", web.options().get("depends_on"));
        assertEquals(List.of(new DependencyRef("db", null, null), new DependencyRef(null, "back", "queue"),
                new DependencyRef(null, "cache", null)), DependencyRef.of(web));
        assertEquals(List.of(), DependencyRef.of(Fixtures.process(c, "db")), "absent means none");
    }

    @Test
    void anEmptyValueMeansNoDependencies() throws Exception {
        String f = write("empty.conf", "[program:web]\ncommand=/bin/web\ndepends_on =\n");
        assertEquals(List.of(), DependencyRef.of(Fixtures.process(fx.load(f), "web")));
    }

    @Test
    void valuesAreExpandedWithTheProcessNames() throws Exception {
        String f = write("expanded.conf", """
                [program:w]
                command=/bin/w
                numprocs=3
                process_name=w%(process_num)d
                depends_on=%(group_name)s:w%(process_num)d
                """);
        // each process depending on itself is a cycle: the expansion gave every process its own name
        assertEquals("[program:w] depends_on: dependency cycle w:w0 -> w:w0" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void aMalformedNameIsRefusedWithSectionOptionAndFile() throws Exception {
        String f = write("bad.conf", "[program:web]\ncommand=/bin/web\ndepends_on = db cache\n");
        assertEquals("[program:web] depends_on: invalid name 'db cache' because of character: ' ' (separate names "
                + "with commas)" + fx.inFile(f), fx.refusal(f));
        String g = write("empty-entry.conf", "[program:web]\ncommand=/bin/web\ndepends_on = db,,cache\n");
        assertEquals("[program:web] depends_on: empty name in list (two commas, or a comma at an end)"
                + fx.inFile(g), fx.refusal(g));
        String h = write("colon.conf", "[program:web]\ncommand=/bin/web\ndepends_on = a:b:c\n");
        assertEquals("[program:web] depends_on: invalid name 'a:b:c' because of character: ':'" + fx.inFile(h),
                fx.refusal(h));
    }

    @Test
    void unknownNamesAreRefusedSayingWhatIsUnknown() throws Exception {
        String f = write("unknown.conf", "[program:db]\ncommand=/bin/db\n[program:web]\ncommand=/bin/web\n"
                + "depends_on = db, dbx\n");
        assertEquals("[program:web] depends_on: unknown program dbx" + fx.inFile(f), fx.refusal(f));
        String g = write("unknown-group.conf", "[program:web]\ncommand=/bin/web\ndepends_on = nope:*\n");
        assertEquals("[program:web] depends_on: unknown group nope" + fx.inFile(g), fx.refusal(g));
        String h = write("unknown-process.conf", "[program:db]\ncommand=/bin/db\n[program:web]\ncommand=/bin/web\n"
                + "depends_on = db:db2\n");
        assertEquals("[program:web] depends_on: unknown process db:db2" + fx.inFile(h), fx.refusal(h));
    }

    @Test
    void aCycleIsRefusedNamingItsPath() throws Exception {
        String f = write("cycle.conf", """
                [program:a]
                command=/bin/a
                depends_on=b
                [program:b]
                command=/bin/b
                depends_on=c
                [program:c]
                command=/bin/c
                depends_on=a
                [program:d]
                command=/bin/d
                depends_on=a
                """);
        assertEquals("[program:a] depends_on: dependency cycle a -> b -> c -> a" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void aCycleThroughAGroupUsesGroupColonProcessNames() throws Exception {
        String f = write("group-cycle.conf", """
                [group:g]
                programs=x,y
                [program:x]
                command=/bin/x
                [program:y]
                command=/bin/y
                depends_on=z
                [program:z]
                command=/bin/z
                depends_on=g:*
                """);
        assertEquals("[program:y] depends_on: dependency cycle g:y -> z -> g:y" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void anAcyclicDiamondAndListenersAreAccepted() throws Exception {
        String f = write("diamond.conf", """
                [program:a]
                command=/bin/a
                [program:b]
                command=/bin/b
                depends_on=a
                [program:c]
                command=/bin/c
                depends_on=a
                [program:d]
                command=/bin/d
                depends_on=b,c,a,listener
                [eventlistener:listener]
                command=/bin/l
                events=PROCESS_STATE
                depends_on=a
                """);
        assertEquals(4, DependencyRef.of(Fixtures.process(fx.load(f), "d")).size());
    }

    @Test
    void aDependencyOnAnFcgiProgramIsRefusedSinceItIsNotRun() throws Exception {
        String f = write("fcgi-dep.conf", """
                [fcgi-program:f]
                command=/bin/f
                socket=unix:///tmp/f.sock
                [program:web]
                command=/bin/web
                depends_on=f
                """);
        assertEquals("[program:web] depends_on: f is an fcgi-program, which is not run (only parsed)"
                + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void theReferencesOwnOptionsAreReportedFirst() throws Exception {
        String f = write("both-bad.conf", "[program:web]\ncommand=/bin/web\ndepends_on=nope\nstartsecs=x\n");
        assertEquals("[program:web] startsecs: invalid literal for int() with base 10: 'x'" + fx.inFile(f),
                fx.refusal(f));
    }
}
