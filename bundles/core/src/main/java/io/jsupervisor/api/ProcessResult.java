package io.jsupervisor.api;

/**
 * One entry of a group or "all" operation's result.
 *
 * @param status      {@link Fault#SUCCESS}'s code or a fault code
 * @param description {@code OK} or the fault string
 */
public record ProcessResult(String name, String group, int status, String description) {
    public static ProcessResult ok(String name, String group) {
        return new ProcessResult(name, group, Fault.SUCCESS.code(), "OK");
    }

    public static ProcessResult failed(String name, String group, SupervisorException e) {
        return new ProcessResult(name, group, e.fault().code(), e.getMessage());
    }
}
