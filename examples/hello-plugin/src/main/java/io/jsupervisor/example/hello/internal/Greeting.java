package io.jsupervisor.example.hello.internal;

/** The one piece of logic the RPC method, the command and the panel share. */
final class Greeting {
    private Greeting() {
    }

    static String of(String who) {
        String name = who == null || who.isBlank() ? "world" : who.strip();
        return "Hello, " + name + "!";
    }
}
