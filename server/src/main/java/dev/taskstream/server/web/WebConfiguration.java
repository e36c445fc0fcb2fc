package dev.taskstream.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskstream.query.tasks.TaskViewLag;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestGuard()).addPathPatterns("/api/**");
    }

    /** Before everything else, security included: no filter after it ever waits for a body. */
    @Bean
    FilterRegistrationBean<BodyReader> bodyReader(@Value("${taskstream.http.max-body-size}") DataSize maxBodySize,
                                                  @Value("${taskstream.http.body-read-timeout}") Duration deadline,
                                                  ObjectMapper json) {
        FilterRegistrationBean<BodyReader> registration =
                new FilterRegistrationBean<>(new BodyReader(maxBodySize.toBytes(), deadline, json));
        registration.addUrlPatterns("/api/*", "/mcp");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The task view's lag sets how many writes run at once, when this process runs it (the query role). */
    @Bean
    WriteAdmission writeAdmission(@Value("${taskstream.http.writes.least-per-core}") int leastPerCore,
                                  @Value("${taskstream.http.writes.most-per-core}") int mostPerCore,
                                  @Value("${taskstream.http.writes.task-view-lag}") Duration lagTarget,
                                  @Value("${taskstream.http.writes.per-user}") int perUser,
                                  @Value("${taskstream.http.writes.patience}") Duration patience,
                                  ObjectProvider<TaskViewLag> taskViewLag,
                                  MeterRegistry meters) {
        int cores = Runtime.getRuntime().availableProcessors();
        Optional<AdaptiveTurns.ReadLag> readLag =
                Optional.ofNullable(taskViewLag.getIfAvailable()).map(lag -> lag::takeWorst);
        AdaptiveTurns turns = new AdaptiveTurns(leastPerCore * cores, mostPerCore * cores, lagTarget, readLag,
                System::nanoTime);
        return new WriteAdmission(turns, perUser, patience, meters);
    }

    /** Right after Spring Security, which tells who writes. */
    @Bean
    FilterRegistrationBean<WriteAdmissionFilter> writeAdmissionFilter(WriteAdmission admission, ObjectMapper json) {
        FilterRegistrationBean<WriteAdmissionFilter> registration =
                new FilterRegistrationBean<>(new WriteAdmissionFilter(admission, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
