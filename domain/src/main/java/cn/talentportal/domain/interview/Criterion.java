package cn.talentportal.domain.interview;

/**
 * One thing a panel scores, from 0 to {@code maxScore}. {@code key} names it in scorecards; {@code weight} is its
 * share of the weighted score relative to the other criteria of the rubric.
 */
public record Criterion(String key, String label, int weight, int maxScore) {
}
