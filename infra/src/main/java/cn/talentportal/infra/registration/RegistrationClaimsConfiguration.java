package cn.talentportal.infra.registration;

import cn.talentportal.infra.eventstore.EventStoreConfiguration;
import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The {@code RegistrationClaims} port of the candidate domain, on MongoDB. */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
@EnableConfigurationProperties(RegistrationClaimProperties.class)
public class RegistrationClaimsConfiguration {

    @Bean
    public MongoRegistrationClaims registrationClaims(MongoDatabase database, EventStorageEngine eventStorageEngine,
                                                      Clock clock, ObjectProvider<EmbeddedMongoServer> embeddedServer,
                                                      RegistrationClaimProperties properties) {
        // On a replica set a claim must survive a failover, or a duplicate could pass: majority, journaled.
        WriteConcern writeConcern = embeddedServer.getIfAvailable() != null
                ? WriteConcern.ACKNOWLEDGED
                : WriteConcern.MAJORITY.withJournal(true);
        return new MongoRegistrationClaims(database, writeConcern, properties.claimSecret(), eventStorageEngine, clock,
                properties.orphanAfter());
    }
}
