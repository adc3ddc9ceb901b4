package cn.talentportal.infra.axon;

import cn.talentportal.domain.shared.AuditMetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events inherit the audit metadata of the command that caused them (actor, role, client address, reason) and
 * Axon's correlation and causation ids, so every stored event says who did it and in which conversation. Read models,
 * which send nothing, are spared computing them for every event they handle ({@link ReadModelCorrelation}).
 */
@Configuration(proxyBeanMethods = false)
public class AuditTrailConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return ReadModelCorrelation.exceptInReadModels(new MessageOriginProvider());
    }

    @Bean
    CorrelationDataProvider auditMetaDataProvider() {
        return ReadModelCorrelation.exceptInReadModels(new SimpleCorrelationDataProvider(AuditMetaData.USER_ID,
                AuditMetaData.USER_NAME, AuditMetaData.ROLE, AuditMetaData.CLIENT_ADDRESS, AuditMetaData.REASON));
    }
}
