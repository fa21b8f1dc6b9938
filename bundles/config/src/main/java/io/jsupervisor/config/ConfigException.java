package io.jsupervisor.config;

/**
 * A configuration the reference would refuse. The message names the file, the section, the option and
 * the reason, e.g. {@code [program:web] startsecs: not an integer: 'ten' (file: '/etc/supervisord.conf')}.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
