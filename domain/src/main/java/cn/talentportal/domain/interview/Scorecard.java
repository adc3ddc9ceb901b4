package cn.talentportal.domain.interview;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One panel member's scores by criterion key. {@code weightedScore} is 0 to 100: the weighted share of the top
 * scores of the rubric version the interview was scheduled with.
 */
public record Scorecard(String panelMemberUserId, String panelMemberName, Map<String, Integer> scores,
                        BigDecimal weightedScore, String comment) {
}
