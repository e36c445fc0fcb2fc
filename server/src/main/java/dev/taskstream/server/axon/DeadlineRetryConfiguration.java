package dev.taskstream.server.axon;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A deadline that fails runs again a second later, not after db-scheduler's default five minutes. A reminder's firing
 * fails when its command loses a race: another process wrote the task first, and the append's version check refuses
 * the firing. Run again, it reads the task afresh and fires, a second late instead of five minutes. The wait doubles
 * with each failure in a row, so a deadline that keeps failing does not run in a loop.
 *
 * <p>Axon's own deadline task, wrapped: this bean takes the place of the one Axon's auto-configuration would define.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", matchIfMissing = true)
class DeadlineRetryConfiguration {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final double BACKOFF = 2;

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return new OneTimeTask<>(axon.getName(), axon.getDataClass(),
                new ExponentialBackoffFailureHandler<>(FIRST_RETRY, BACKOFF)) {
            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> deadline, ExecutionContext execution) {
                axon.execute(deadline, execution);
            }
        };
    }
}
