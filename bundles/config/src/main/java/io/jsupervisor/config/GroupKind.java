package io.jsupervisor.config;

/** Which kind of section a process group came from. */
public enum GroupKind {
    /** {@code [program:x]}: a homogeneous group named after the program. */
    PROGRAM,
    /** {@code [group:x]}: a heterogeneous group of listed programs. */
    HETEROGENEOUS,
    /** {@code [eventlistener:x]}: a pool of event listener processes. */
    EVENTLISTENER,
    /** {@code [fcgi-program:x]}: parsed, not run (see docs/COMPATIBILITY.md). */
    FCGI
}
