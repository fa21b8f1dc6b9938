package io.jsupervisor.config.internal;

/** One logical line of an ini file after pre-processing: a section header or a complete option. */
sealed interface IniLine {
    int lineNo();

    /** {@code [name]}. */
    record Header(String name, int lineNo) implements IniLine {
    }

    /** {@code key = value}, key lower-cased, continuation lines already joined with {@code \n}. */
    record Option(String key, String value, int lineNo) implements IniLine {
    }
}
