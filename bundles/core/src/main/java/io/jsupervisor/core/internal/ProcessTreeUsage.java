package io.jsupervisor.core.internal;

import io.jsupervisor.api.ResourceMeter;
import io.jsupervisor.api.ResourceUsage;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over {@code /proc/<pid>/stat} of every process on the machine: parent, CPU ticks and
 * resident pages, so the usage of a process tree costs no further system call. Linux only; elsewhere
 * (no {@code /proc}) the table is empty and every tree has no usage. The one /proc reader: the resource
 * limits and the metrics (through {@link ProcMeter}) both use it.
 */
final class ProcessTreeUsage implements ResourceMeter.Snapshot {
    /** USER_HZ: the unit of /proc's tick counts, 100 on every Linux ABI. */
    static final double TICKS_PER_SECOND = 100.0;

    /** What one process uses; {@code ticks} includes its reaped children's ({@code cutime + cstime}). */
    record Entry(int pid, int ppid, long ticks, long rssPages) {
    }

    private final Map<Integer, Entry> byPid;
    private final Map<Integer, List<Integer>> children;
    private final long pageSize;

    private ProcessTreeUsage(Map<Integer, Entry> byPid, long pageSize) {
        this.byPid = byPid;
        this.pageSize = pageSize;
        this.children = new HashMap<>();
        for (Entry e : byPid.values()) {
            children.computeIfAbsent(e.ppid(), k -> new ArrayList<>(2)).add(e.pid());
        }
    }

    static ProcessTreeUsage read(Path proc, long pageSize) {
        Map<Integer, Entry> byPid = new HashMap<>(2048);
        String[] names = proc.toFile().list();
        byte[] buf = new byte[4096]; // one buffer for all: a stat line is well under 1 KiB
        String root = proc.toString() + "/";
        for (String name : names == null ? new String[0] : names) {
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                continue;
            }
            try {
                Entry e = readStat(root + name + "/stat", buf);
                if (e != null) {
                    byPid.put(e.pid(), e);
                }
            } catch (RuntimeException e) {
                // an unexpected line: leave that process out rather than fail the scrape
            }
        }
        return new ProcessTreeUsage(byPid, pageSize);
    }

    /** Plain open/read/close into a shared buffer: /proc files report size 0, so Files.readAllBytes does more calls. */
    private static Entry readStat(String path, byte[] buf) {
        int n = 0;
        try (FileInputStream in = new FileInputStream(path)) {
            for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            return null; // the process went away meanwhile
        }
        return parseStat(new String(buf, 0, n, StandardCharsets.US_ASCII));
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

    @Override
    public int size() {
        return byPid.size();
    }

    Entry get(int pid) {
        return byPid.get(pid);
    }

    @Override
    public Optional<ResourceUsage> process(long pid) {
        Entry e = pid > 0 && pid <= Integer.MAX_VALUE ? byPid.get((int) pid) : null;
        return e == null ? Optional.empty()
                : Optional.of(new ResourceUsage(e.rssPages() * pageSize, e.ticks() / TICKS_PER_SECOND, 1));
    }

    @Override
    public ResourceUsage tree(long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE || !byPid.containsKey((int) pid)) {
            return ResourceUsage.NONE;
        }
        long rss = 0;
        long ticks = 0;
        int count = 0;
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push((int) pid);
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
        return new ResourceUsage(rss * pageSize, ticks / TICKS_PER_SECOND, count);
    }
}
