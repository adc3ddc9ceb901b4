package cn.talentportal.infra.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB's health by {@code ping}, which every server answers. Spring Boot's own indicator sends {@code hello},
 * which the embedded wire server does not know, and would report a healthy store as DOWN. The bean name replaces
 * Boot's indicator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class MongoHealthConfiguration {

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client, TalentMongoProperties properties,
                                                 org.springframework.beans.factory.ObjectProvider<EmbeddedMongoServer> embedded) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                client.getDatabase(properties.database()).runCommand(new Document("ping", 1));
                builder.up()
                        .withDetail("database", properties.database())
                        .withDetail("server", embedded.getIfAvailable() != null ? "embedded (mongo-java-server, H2 file)" : "external");
            }
        };
    }
}
