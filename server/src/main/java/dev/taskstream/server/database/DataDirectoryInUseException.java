package dev.taskstream.server.database;

import java.nio.file.Path;

/** Another live Taskstream runs on this data directory. */
final class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path dataDirectory) {
        super(dataDirectory + " is in use by another Taskstream (pid " + DataDirectoryLock.holder(dataDirectory)
                + "); stop that one first, or set TASKSTREAM_HOME to another directory");
    }
}
