package cn.talentportal.projections.opening;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningStatus;
import java.time.Instant;

/** An opening as recruiters and the opening page show it. */
public record OpeningView(String openingId, String employerUnitId, String employerName, OpeningDetails details,
                          OpeningStatus status, Instant publishedAt) {
}
