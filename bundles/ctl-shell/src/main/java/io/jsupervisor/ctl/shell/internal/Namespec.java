package io.jsupervisor.ctl.shell.internal;

/**
 * A name as supervisorctl splits it: {@code group:process}, {@code name} (group and process the same), or
 * {@code group:*} / {@code group:} (the whole group, {@code process} null).
 */
record Namespec(String group, String process) {

    /** supervisor.options.split_namespec. */
    static Namespec split(String namespec) {
        int colon = namespec.indexOf(':');
        if (colon < 0) {
            return new Namespec(namespec, namespec);
        }
        String process = namespec.substring(colon + 1);
        return new Namespec(namespec.substring(0, colon), process.isEmpty() || process.equals("*") ? null : process);
    }

    /** supervisor.options.make_namespec. */
    static String make(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
    }

    boolean wholeGroup() {
        return process == null;
    }

    /** make_namespec of the parts; a whole group renders as Python does, {@code g:None}. */
    String text() {
        return make(group, process == null ? "None" : process);
    }
}
