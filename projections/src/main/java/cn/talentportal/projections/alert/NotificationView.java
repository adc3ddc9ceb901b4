package cn.talentportal.projections.alert;

import java.time.Instant;

/** One job alert as the candidate sees it in the portal. */
public record NotificationView(String savedSearchId, String searchName, String openingId, String openingTitle,
                               String employerName, Instant raisedAt, boolean read) {
}
