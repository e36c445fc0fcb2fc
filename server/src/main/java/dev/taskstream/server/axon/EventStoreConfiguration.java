package dev.taskstream.server.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events and processor tokens are stored with Axon's JDBC engine and token store, not the JPA ones, in the same
 * tables (V1, plus V10's column default). Measured with WriteBenchmark, the JPA versions spent most of their time in
 * Hibernate (sessions, query translation, entity bookkeeping): on every append, aggregate load and poll of the
 * tracking processors, and in 40 % of the task-view processor's CPU to store its token after each batch.
 * Both take their connection from Spring's transaction, so an append or a token commits or rolls back together
 * with everything else the command or the event handler wrote. Sagas and dead letters stay on JPA (rare writes).
 * Reads take no transaction of their own ({@link ReadsWithoutTransaction}).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** Axon's JDBC defaults are camel case; these are the snake-case names the JPA mapping gave the tables. */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /**
     * Claims are owned by a node id that is unique per application, not Axon's default "pid@host": two
     * applications with the same one (two contexts in one JVM, or two containers that are both pid 1 on hosts of
     * the same name) would each take the other's claims for their own and handle every event twice.
     */
    @Bean
    TokenStore tokenStore(Serializer defaultSerializer, DataSource dataSource, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .schema(TOKEN_SCHEMA)
                .connectionProvider(connections(dataSource))
                .serializer(defaultSerializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          DataSource dataSource,
                                          TransactionManager transactionManager,
                                          org.axonframework.config.Configuration axon) {
        return JdbcEventStorageEngine.builder()
                .schema(EVENT_SCHEMA)
                .connectionProvider(connections(dataSource))
                .transactionManager(new ReadsWithoutTransaction(transactionManager))
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .build();
    }

    private static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }
}
