package io.jsupervisor.rest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over {@code /proc/<pid>/stat} of every process on the machine: parent, CPU ticks and
 * resident pages, so the usage of a process tree costs no further system call. Linux only; elsewhere
 * (no {@code /proc}) the table is empty and every tree has no usage.
 */
final class ProcTable {
    /** USER_HZ: the unit of /proc's tick counts, 100 on every Linux ABI. */
    static final double TICKS_PER_SECOND = 100.0;

    /** What one process uses; {@code ticks} includes its reaped children's ({@code cutime + cstime}). */
    record Entry(int pid, int ppid, long ticks, long rssPages) {
    }

    /** A tree's sums: resident bytes, CPU seconds, number of processes in it. */
    record Usage(long rssBytes, double cpuSeconds, int processes) {
        static final Usage NONE = new Usage(0, 0, 0);
    }

    private final Map<Integer, Entry> byPid;
    private final Map<Integer, List<Integer>> children;
    private final long pageSize;

    private ProcTable(Map<Integer, Entry> byPid, long pageSize) {
        this.byPid = byPid;
        this.pageSize = pageSize;
        this.children = new HashMap<>();
        for (Entry e : byPid.values()) {
            children.computeIfAbsent(e.ppid(), k -> new ArrayList<>(2)).add(e.pid());
        }
    }

    static ProcTable read(Path proc, long pageSize) {
        Map<Integer, Entry> byPid = new HashMap<>(2048);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                Entry e = readStat(dir.resolve("stat"));
                if (e != null) {
                    byPid.put(e.pid(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or unreadable: no figures rather than a failed scrape
        }
        return new ProcTable(byPid, pageSize);
    }

    /** The kernel's page size, from the first {@code KernelPageSize:} of {@code /proc/self/smaps}; 4096 otherwise. */
    static long pageSize(Path proc) {
        try (BufferedReader r = Files.newBufferedReader(proc.resolve("self/smaps"), StandardCharsets.US_ASCII)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("KernelPageSize:")) {
                    String[] f = line.substring(15).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 4096;
    }

    /** Parses one stat line; {@code null} when the process went away meanwhile. */
    static Entry readStat(Path stat) {
        String line;
        try {
            line = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
        return parseStat(line);
    }

    static Entry parseStat(String line) {
        int open = line.indexOf(' ');
        int close = line.lastIndexOf(')'); // the command name may hold spaces and parentheses
        if (open < 0 || close < 0) {
            return null;
        }
        String[] f = line.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17, rss 24
        if (f.length < 22) {
            return null;
        }
        int pid = Integer.parseInt(line.substring(0, open));
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return new Entry(pid, Integer.parseInt(f[1]), ticks, Math.max(0, Long.parseLong(f[21])));
    }

    int size() {
        return byPid.size();
    }

    Entry get(int pid) {
        return byPid.get(pid);
    }

    /** The sums over {@code pid} and all its descendants; {@link Usage#NONE} when it is not in the table. */
    Usage treeUsage(int pid) {
        if (pid <= 0 || !byPid.containsKey(pid)) {
            return Usage.NONE;
        }
        long rss = 0;
        long ticks = 0;
        int count = 0;
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(pid);
        while (!todo.isEmpty()) {
            Entry e = byPid.get(todo.pop());
            if (e == null || count > byPid.size()) {
                continue; // the count bound guards against a (racy) cycle
            }
            rss += e.rssPages();
            ticks += e.ticks();
            count++;
            List<Integer> kids = children.get(e.pid());
            if (kids != null) {
                for (Integer k : kids) {
                    todo.push(k);
                }
            }
        }
        return new Usage(rss * pageSize, ticks / TICKS_PER_SECOND, count);
    }
}
