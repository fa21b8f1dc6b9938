package io.jsupervisor.ctl.client.internal;

/** Where typed lines come from: JLine in the interactive shell, plain stdin otherwise. */
public interface LineInput {
    /** Shows the prompt and reads a line; {@code null} at end of input or on Ctrl-C. */
    String readLine(String prompt);

    /** As {@link #readLine}, without echo where the terminal allows it. */
    String readPassword(String prompt);
}
