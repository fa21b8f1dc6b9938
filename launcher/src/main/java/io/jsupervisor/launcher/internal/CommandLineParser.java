package io.jsupervisor.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code supervisord}'s command line the way the reference does: Python {@code getopt} (options stop at the
 * first non-option, unique prefixes of long options accepted), then each option in order, a second use of the same
 * option being "conflicting", then the per-option value checks with the reference's messages.
 */
public final class CommandLineParser {
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?[0-9]+(?:_[0-9]+)*\\s*");
    private static final Pattern OCTAL = Pattern.compile("\\s*[+-]?(?:0[oO]_?)?[0-7]+(?:_[0-7]+)*\\s*");
    private static final Set<String> LEVELS = Set.of("critical", "error", "warn", "info", "debug", "trace", "blather");

    /** How an option's value is checked and stored. */
    private enum Kind { HELP, VERSION, CONFIG, FLAG, STRING, OCTAL, EXISTING_DIRECTORY, EXISTING_DIRPATH, BYTE_SIZE, INTEGER, LEVEL, IGNORED }

    /** One option: {@code name} is the {@code [supervisord]} option it overrides. */
    private record Option(String name, char shortName, String longName, Kind kind) {
        boolean takesArgument() {
            return kind != Kind.HELP && kind != Kind.VERSION && kind != Kind.FLAG;
        }
    }

    private static final char NONE = 0;
    private static final List<Option> OPTIONS = List.of(
            new Option(null, 'h', "help", Kind.HELP),
            new Option(null, '?', null, Kind.HELP),
            new Option("configfile", 'c', "configuration", Kind.CONFIG),
            new Option(null, 'v', "version", Kind.VERSION),
            new Option("nodaemon", 'n', "nodaemon", Kind.FLAG),
            new Option("user", 'u', "user", Kind.STRING),
            new Option("umask", 'm', "umask", Kind.OCTAL),
            new Option("directory", 'd', "directory", Kind.EXISTING_DIRECTORY),
            new Option("logfile", 'l', "logfile", Kind.EXISTING_DIRPATH),
            new Option("logfile_maxbytes", 'y', "logfile_maxbytes", Kind.BYTE_SIZE),
            new Option("logfile_backups", 'z', "logfile_backups", Kind.INTEGER),
            new Option("loglevel", 'e', "loglevel", Kind.LEVEL),
            new Option("pidfile", 'j', "pidfile", Kind.EXISTING_DIRPATH),
            new Option("identifier", 'i', "identifier", Kind.STRING),
            new Option("childlogdir", 'q', "childlogdir", Kind.EXISTING_DIRECTORY),
            new Option("minfds", 'a', "minfds", Kind.INTEGER),
            new Option("minprocs", NONE, "minprocs", Kind.INTEGER),
            new Option("nocleanup", 'k', "nocleanup", Kind.FLAG),
            new Option("strip_ansi", 't', "strip_ansi", Kind.FLAG),
            new Option("profile_options", NONE, "profile_options", Kind.IGNORED),
            new Option("silent", 's', "silent", Kind.FLAG));

    private final Path workingDirectory;
    private final Path userHome;

    /**
     * @param workingDirectory relative paths on the command line are resolved against it
     * @param userHome         what {@code ~} expands to
     */
    public CommandLineParser(Path workingDirectory, Path userHome) {
        this.workingDirectory = workingDirectory;
        this.userHome = userHome;
    }

    public CommandLine parse(List<String> args) throws UsageException {
        List<String[]> given = new ArrayList<>();
        List<String> positional = getopt(args, given);
        if (!positional.isEmpty()) {
            throw new UsageException("positional arguments are not supported: " + pythonList(positional));
        }
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String[] pair : given) {
            String flag = pair[0];
            String value = pair[1];
            Option option = byFlag(flag);
            switch (option.kind()) {
                case HELP -> {
                    return new CommandLine(CommandLine.Action.HELP, null, Map.of());
                }
                case VERSION -> {
                    return new CommandLine(CommandLine.Action.VERSION, null, Map.of());
                }
                default -> {
                    String checked = check(option, flag, value);
                    if (!seen.add(option.name())) {
                        throw new UsageException("conflicting command line option " + PythonText.repr(flag));
                    }
                    if (option.kind() == Kind.CONFIG) {
                        configFile = workingDirectory.resolve(expandUser(value)).normalize();
                    } else if (option.kind() != Kind.IGNORED) {
                        overrides.put(option.name(), checked);
                    }
                }
            }
        }
        return new CommandLine(CommandLine.Action.RUN, configFile, overrides);
    }

    /** Python's {@code getopt.getopt}: fills {@code given} with (flag, value) pairs, returns the positional rest. */
    private static List<String> getopt(List<String> args, List<String[]> given) throws UsageException {
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i++;
            if (arg.startsWith("--")) {
                i = longOption(arg.substring(2), args, i, given);
            } else {
                i = shortOptions(arg.substring(1), args, i, given);
            }
        }
        return args.subList(i, args.size());
    }

    private static int longOption(String text, List<String> args, int next, List<String[]> given)
            throws UsageException {
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        String value = eq < 0 ? null : text.substring(eq + 1);
        Option match = null;
        List<Option> candidates = new ArrayList<>();
        for (Option option : OPTIONS) {
            if (option.longName() != null && option.longName().startsWith(name)) {
                candidates.add(option);
                if (option.longName().equals(name)) {
                    match = option;
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new UsageException("option --" + name + " not recognized");
        }
        if (match == null) {
            if (candidates.size() > 1) {
                throw new UsageException("option --" + name + " not a unique prefix");
            }
            match = candidates.get(0);
        }
        if (match.takesArgument()) {
            if (value == null) {
                if (next >= args.size()) {
                    throw new UsageException("option --" + match.longName() + " requires argument");
                }
                value = args.get(next++);
            }
        } else if (value != null) {
            throw new UsageException("option --" + match.longName() + " must not have an argument");
        }
        given.add(new String[] {"--" + match.longName(), value == null ? "" : value});
        return next;
    }

    private static int shortOptions(String cluster, List<String> args, int next, List<String[]> given)
            throws UsageException {
        int pos = 0;
        while (pos < cluster.length()) {
            char c = cluster.charAt(pos++);
            Option option = OPTIONS.stream().filter(o -> o.shortName() == c && c != NONE).findFirst()
                    .orElseThrow(() -> new UsageException("option -" + c + " not recognized"));
            String value = "";
            if (option.takesArgument()) {
                if (pos < cluster.length()) {
                    value = cluster.substring(pos);
                } else if (next < args.size()) {
                    value = args.get(next++);
                } else {
                    throw new UsageException("option -" + c + " requires argument");
                }
                pos = cluster.length();
            }
            given.add(new String[] {"-" + c, value});
        }
        return next;
    }

    private static Option byFlag(String flag) {
        for (Option option : OPTIONS) {
            if (flag.equals("--" + option.longName()) || flag.equals("-" + option.shortName())) {
                return option;
            }
        }
        throw new IllegalStateException(flag);
    }

    /** The reference's value check of one option; returns the value to pass on. */
    private String check(Option option, String flag, String value) throws UsageException {
        String problem = switch (option.kind()) {
            case INTEGER -> INTEGER.matcher(value).matches() ? null : intError(value);
            case OCTAL -> OCTAL.matcher(value).matches() ? null : value + " can not be converted to an octal type";
            case BYTE_SIZE -> byteSizeError(value);
            case LEVEL -> LEVELS.contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "bad logging level name " + PythonText.repr(value);
            case EXISTING_DIRECTORY -> Files.isDirectory(resolve(value)) ? null
                    : value + " is not an existing directory";
            case EXISTING_DIRPATH -> dirpathError(value);
            default -> null;
        };
        if (problem != null) {
            throw new UsageException("invalid value for " + flag + " " + PythonText.repr(value) + ": " + problem);
        }
        return switch (option.kind()) {
            case FLAG -> "true";
            case EXISTING_DIRECTORY -> resolve(value).toString();
            case EXISTING_DIRPATH -> value.equals("syslog") && option.name().equals("logfile")
                    ? value : resolve(value).toString();
            default -> value;
        };
    }

    private static String intError(String value) {
        return "invalid literal for int() with base 10: " + PythonText.repr(value);
    }

    private static String byteSizeError(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.endsWith("kb") || v.endsWith("mb") || v.endsWith("gb")) {
            v = v.substring(0, v.length() - 2);
        }
        return INTEGER.matcher(v).matches() ? null : intError(v);
    }

    private String dirpathError(String value) {
        Path parent = Path.of(expandUser(value)).getParent();
        if (parent == null || Files.isDirectory(workingDirectory.resolve(parent))) {
            return null;
        }
        return "The directory named as part of the path " + value + " does not exist";
    }

    private Path resolve(String value) {
        return workingDirectory.resolve(expandUser(value)).normalize();
    }

    /** {@code os.path.expanduser} for the current user ({@code ~name} is left alone). */
    private String expandUser(String value) {
        if (value.equals("~")) {
            return userHome.toString();
        }
        if (value.startsWith("~/")) {
            return userHome + value.substring(1);
        }
        return value;
    }

    private static String pythonList(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(PythonText.repr(items.get(i)));
        }
        return out.append(']').toString();
    }
}
