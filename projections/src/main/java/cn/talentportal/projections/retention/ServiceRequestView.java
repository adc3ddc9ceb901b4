package cn.talentportal.projections.retention;

import cn.talentportal.domain.retention.ServiceType;
import java.time.Instant;
import java.util.List;

/**
 * A talent's service request with its answer. The answer is a message key with its arguments (the apartment and
 * move-in date, the allowance with the policy version it was judged against, the school, the card, or the reason of
 * a refusal), so each reader sees it in their own language; arguments that are keys (an allowance type) are labels.
 * The child's name for a school place is not kept here: it is personal data and stays in the event store.
 */
public record ServiceRequestView(String caseId, String requestId, ServiceType type, String details,
                                 Instant requestedAt, ServiceRequestStatus status, Instant answeredAt,
                                 String answerKey, List<String> answerArguments) {
}
