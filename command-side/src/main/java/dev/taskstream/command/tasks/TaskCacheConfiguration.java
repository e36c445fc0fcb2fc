package dev.taskstream.command.tasks;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasks stay in memory between commands, so a PATCH, complete or reopen does not read the task's snapshot and events
 * again. This is only right while one process handles a task's commands: a second command process would hold stale
 * copies, and each stale write would fail once with 409 (the append's version check) before the copy is dropped.
 * Such a deployment sets {@code taskstream.command.task-cache=false} ({@code TASKSTREAM_TASK_CACHE}).
 */
@Configuration(proxyBeanMethods = false)
class TaskCacheConfiguration {

    static final String TASK_CACHE = "taskCache";

    @Bean(TASK_CACHE)
    Cache taskCache(@Value("${taskstream.command.task-cache:true}") boolean enabled,
                    @Value("${taskstream.command.task-cache-size:10000}") long size) {
        return enabled ? new BoundedTaskCache(size) : NoCache.INSTANCE;
    }
}
