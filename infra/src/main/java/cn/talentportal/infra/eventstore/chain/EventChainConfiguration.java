package cn.talentportal.infra.eventstore.chain;

import cn.talentportal.infra.eventstore.EventStoreConfiguration;
import cn.talentportal.infra.mongo.EmbeddedMongoServer;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The event store's hash chain for the portal: {@link EventChainVerifier} and {@link ChainAnchors} (what an auditor's
 * view calls), the signing key, the one-time sealing of events stored before the chain existed, and periodic anchors.
 * The chain links themselves are written by the storage engine on every append.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
@EnableConfigurationProperties(EventChainProperties.class)
public class EventChainConfiguration {

    @Bean
    public AnchorSigningKey anchorSigningKey(EventChainProperties properties,
                                             @Value("${talent.data-dir:./data}") Path dataDir) {
        Path keyFile = properties.keyFile() != null ? properties.keyFile()
                : dataDir.resolve("keys").resolve("event-chain-ed25519.key");
        return AnchorSigningKey.resolve(properties.privateKey(), properties.publicKey(), keyFile,
                properties.trustedPublicKeys());
    }

    /** Seals events stored before the chain existed once, before anything else reads or appends. */
    @Bean
    public EventChainSealer eventChainSealer(MongoDatabase database, EventStorageEngine eventStorageEngine,
                                             ObjectProvider<Clock> clock, EventChainProperties properties) {
        EventChainSealer sealer = new EventChainSealer(database, clock.getIfAvailable(Clock::systemUTC));
        if (properties.sealOnStartup()) {
            sealer.sealOnce();
        }
        return sealer;
    }

    @Bean
    public EventChainVerifier eventChainVerifier(MongoDatabase database, AnchorSigningKey key,
                                                 EventChainSealer sealer, ObjectProvider<Clock> clock,
                                                 ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        return new EventChainVerifier(database, anchorStore(database, key, embeddedServer),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public ChainAnchors chainAnchors(MongoDatabase database, AnchorSigningKey key, EventChainVerifier verifier,
                                     ObjectProvider<Clock> clock, ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        return new ChainAnchors(verifier, anchorStore(database, key, embeddedServer),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ChainAnchorScheduler chainAnchorScheduler(ChainAnchors anchors, EventChainProperties properties,
                                              ObjectProvider<Clock> clock) {
        return new ChainAnchorScheduler(anchors, properties.anchorInterval(), clock.getIfAvailable(Clock::systemUTC));
    }

    private static AnchorStore anchorStore(MongoDatabase database, AnchorSigningKey key,
                                           ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        // Anchors must survive a failover on a replica set, as the events they vouch for.
        WriteConcern writeConcern = embeddedServer.getIfAvailable() != null
                ? WriteConcern.ACKNOWLEDGED
                : WriteConcern.MAJORITY.withJournal(true);
        return new AnchorStore(database, writeConcern, key);
    }

    /** For tests and tools: the chain's beans on a database without Spring. */
    public static Components components(MongoDatabase database, AnchorSigningKey key, Clock clock) {
        AnchorStore store = new AnchorStore(database, WriteConcern.ACKNOWLEDGED, key);
        EventChainVerifier verifier = new EventChainVerifier(database, store, clock);
        return new Components(new EventChainSealer(database, clock), verifier, new ChainAnchors(verifier, store, clock));
    }

    public record Components(EventChainSealer sealer, EventChainVerifier verifier, ChainAnchors anchors) {
    }
}
