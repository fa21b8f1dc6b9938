package io.jsupervisor.config;

/**
 * The {@code [supervisorctl]} section (read only by clients).
 *
 * @param serverurl         {@code http://host[:port]} or {@code unix:///abs/path}
 * @param historyFile       {@code null} when unset
 * @param updateChangedOnly {@code update_changed_only} (ours; the reference ignores it): plain {@code update}
 *                          restarts only the processes whose own settings changed; false by default
 */
public record CtlSpec(String serverurl, String username, String password, String prompt, String historyFile,
                      boolean updateChangedOnly) {
    /** The reference's options only ({@code update_changed_only} false). */
    public CtlSpec(String serverurl, String username, String password, String prompt, String historyFile) {
        this(serverurl, username, password, prompt, historyFile, false);
    }
}
