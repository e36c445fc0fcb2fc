package dev.taskstream.server.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * One Taskstream per data directory: a lock file beside it ({@code pgdata.lock}), held for the life of the
 * process and released by the kernel when the process dies, even by {@code kill -9}. It holds the owner's pid,
 * so the one refused can say who has it. The file sits beside the directory because initdb wants it empty.
 */
final class DataDirectoryLock implements Closeable {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Empty when another process holds the directory. */
    static Optional<DataDirectoryLock> tryAcquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent(),
                PosixFilePermissions.asFileAttribute(LocalPostgres.OWNER_ONLY));
        FileChannel channel = FileChannel.open(lockFile(dataDirectory), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_FILE));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0).write(ByteBuffer.wrap(
                Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        return Optional.of(new DataDirectoryLock(channel, lock));
    }

    /** The pid the current holder wrote, as text (only for telling the user). */
    static String holder(Path dataDirectory) {
        try {
            return Files.readString(lockFile(dataDirectory), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
