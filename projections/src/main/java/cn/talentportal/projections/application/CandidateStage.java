package cn.talentportal.projections.application;

/** Where an application stands in the words a candidate understands; translated as {@code stage.<NAME>}. */
public enum CandidateStage {
    APPLIED, IN_REVIEW, INTERVIEW, OFFER, SIGNED, PLACED, CLOSED
}
