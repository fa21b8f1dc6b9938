package io.jsupervisor.config;

/**
 * The {@code [supervisorctl]} section (read only by clients).
 *
 * @param serverurl   {@code http://host[:port]} or {@code unix:///abs/path}
 * @param historyFile {@code null} when unset
 */
public record CtlSpec(String serverurl, String username, String password, String prompt, String historyFile) {
}
