package io.jsupervisor.config.internal;

import io.jsupervisor.config.ConfigException;

/**
 * A value the reference refuses, carrying the reference's reason text (its {@code ValueError} message).
 * It is located (section, option, file) on its way up and becomes a {@link ConfigException}.
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String section;
    private final String option;
    private final String file;

    Refusal(String reason) {
        this(reason, null, null, null);
    }

    private Refusal(String reason, String section, String option, String file) {
        super(reason, null, false, false);
        this.section = section;
        this.option = option;
        this.file = file;
    }

    /** This refusal with a location, unless it already has one (the innermost location is the precise one). */
    Refusal at(String inSection, String atOption, String inFile) {
        if (section != null || file != null) {
            return this;
        }
        return new Refusal(getMessage(), inSection, atOption, inFile);
    }

    /** {@code [section] option: reason (file: '/path')}, leaving out the parts that are unknown. */
    ConfigException toConfigException() {
        StringBuilder b = new StringBuilder();
        if (section != null) {
            b.append('[').append(section).append("] ");
        }
        if (option != null) {
            b.append(option).append(": ");
        }
        b.append(getMessage());
        if (file != null) {
            b.append(" (file: ").append(PyText.repr(file)).append(')');
        }
        return new ConfigException(b.toString());
    }
}
