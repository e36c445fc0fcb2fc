package dev.taskstream.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this machine's PostgreSQL processes, from {@code /proc} (Linux). With the database on the same machine,
 * as the embedded one always is, it tells what an operation costs the database; it reads nothing elsewhere. It found
 * what profiles of the JVM could not: half of a create's CPU was PostgreSQL's.
 */
final class PostgresCpu {

    /** USER_HZ, the unit of {@code /proc/[pid]/stat}'s times: 100 on every Linux architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<Long, Long> ticksByProcess;

    private PostgresCpu(Map<Long, Long> ticksByProcess) {
        this.ticksByProcess = ticksByProcess;
    }

    static PostgresCpu now() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(process -> readTicks(process, ticks));
        } catch (IOException noProcFileSystem) {
            return new PostgresCpu(Map.of());
        }
        return new PostgresCpu(ticks);
    }

    /** CPU nanoseconds the database spent since {@code earlier}; a process that started meanwhile counts whole. */
    long nanosSince(PostgresCpu earlier) {
        return ticksByProcess.entrySet().stream()
                .mapToLong(process -> process.getValue() - earlier.ticksByProcess.getOrDefault(process.getKey(), 0L))
                .sum() * NANOS_PER_TICK;
    }

    private static void readTicks(Path process, Map<Long, Long> ticks) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return;
        }
        // pid (comm) state ppid ... utime stime: the 14th and 15th fields, the name may hold spaces.
        int nameEnd = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
            return;
        }
        String[] fields = stat.substring(nameEnd + 2).split(" ");
        ticks.put(Long.parseLong(process.getFileName().toString()),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }
}
