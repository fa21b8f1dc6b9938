package io.jsupervisor.ctl.client.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lines from stdin, prompts to stdout: no editing (a pipe, or no JLine). */
public final class PlainLineInput implements LineInput {
    private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private final PrintStream out;

    public PlainLineInput(PrintStream out) {
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String readPassword(String prompt) {
        Console console = System.console();
        if (console == null) {
            return readLine(prompt);
        }
        char[] password = console.readPassword("%s", prompt);
        return password == null ? null : new String(password);
    }
}
