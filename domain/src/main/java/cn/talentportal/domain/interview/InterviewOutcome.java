package cn.talentportal.domain.interview;

/** What the panel decided from its scorecards. Only a recommended candidate may be offered the post. */
public enum InterviewOutcome {
    RECOMMENDED, NOT_RECOMMENDED
}
