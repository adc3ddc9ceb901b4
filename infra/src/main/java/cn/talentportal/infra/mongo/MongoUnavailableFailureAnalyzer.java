package cn.talentportal.infra.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MongoUnavailableException} into Spring Boot's short "description / action" startup report. */
public class MongoUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<MongoUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MongoUnavailableException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
