package io.jsupervisor.ctl.client.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * supervisorctl's options, parsed as Python's {@code getopt.getopt} does (options stop at the first argument,
 * unique prefixes of long names, the same error texts), with its per-option checks ({@code -s} must be a URL,
 * an option given twice conflicts).
 *
 * @param values    option name ({@code configuration}, {@code serverurl}, …) to value; flags map to "1"
 * @param arguments the command and its arguments
 * @param help      {@code -h}/{@code -?}/{@code --help} was given
 */
public record CommandLine(Map<String, String> values, List<String> arguments, boolean help) {
    private static final Map<Character, String> SHORT = Map.of('c', "configuration", 'h', "help", '?', "help",
            'i', "interactive", 's', "serverurl", 'u', "username", 'p', "password", 'r', "history_file");
    private static final List<String> LONG = List.of("configuration", "help", "interactive", "serverurl",
            "username", "password", "history_file");
    private static final List<String> FLAGS = List.of("help", "interactive");

    public static CommandLine parse(String[] args) throws UsageError {
        List<String[]> options = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-")) {
            String arg = args[i++];
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                i = parseLong(arg, args, i, options);
            } else {
                i = parseShort(arg, args, i, options);
            }
        }
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (String[] option : options) {
            String flag = option[0];
            String name = option[1];
            String value = option[2];
            if (name.equals("help")) {
                // the reference prints its help the moment it meets the option
                help = true;
                break;
            }
            if (name.equals("serverurl") && !isUrl(value)) {
                throw new UsageError("invalid value for " + flag + " " + pyRepr(value) + ": value "
                        + pyRepr(value) + " is not a URL");
            }
            if (values.containsKey(name)) {
                throw new UsageError("conflicting command line option " + pyRepr(flag));
            }
            values.put(name, value);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        return new CommandLine(Map.copyOf(values), List.copyOf(rest), help);
    }

    private static int parseLong(String arg, String[] args, int next, List<String[]> options) throws UsageError {
        String body = arg.substring(2);
        String value = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
            value = body.substring(eq + 1);
            body = body.substring(0, eq);
        }
        String name = longName(body);
        if (FLAGS.contains(name)) {
            if (value != null) {
                throw new UsageError("option --" + name + " must not have an argument");
            }
            options.add(new String[] {"--" + name, name, "1"});
            return next;
        }
        if (value == null) {
            if (next >= args.length) {
                throw new UsageError("option --" + name + " requires argument");
            }
            value = args[next++];
        }
        options.add(new String[] {"--" + name, name, value});
        return next;
    }

    private static String longName(String prefix) throws UsageError {
        if (LONG.contains(prefix)) {
            return prefix;
        }
        List<String> matches = LONG.stream().filter(n -> n.startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new UsageError("option --" + prefix + " not recognized");
        }
        if (matches.size() > 1) {
            throw new UsageError("option --" + prefix + " not a unique prefix");
        }
        return matches.get(0);
    }

    private static int parseShort(String arg, String[] args, int next, List<String[]> options) throws UsageError {
        for (int j = 1; j < arg.length(); j++) {
            char c = arg.charAt(j);
            String name = SHORT.get(c);
            if (name == null) {
                throw new UsageError("option -" + c + " not recognized");
            }
            if (FLAGS.contains(name)) {
                options.add(new String[] {"-" + c, name, "1"});
                continue;
            }
            String value;
            if (j + 1 < arg.length()) {
                value = arg.substring(j + 1);
            } else if (next < args.length) {
                value = args[next++];
            } else {
                throw new UsageError("option -" + c + " requires argument");
            }
            options.add(new String[] {"-" + c, name, value});
            return next;
        }
        return next;
    }

    /** supervisor.datatypes.url: a scheme and a netloc or path, as urlparse splits them. */
    static boolean isUrl(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        for (int k = 0; k < colon; k++) {
            char c = value.charAt(k);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        String rest = value.substring(colon + 1);
        int cut = rest.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return !rest.substring(0, cut).isEmpty();
    }

    static String pyRepr(String text) {
        boolean useDouble = text.indexOf('\'') >= 0 && text.indexOf('"') < 0;
        char quote = useDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == quote) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(quote).toString();
    }
}
