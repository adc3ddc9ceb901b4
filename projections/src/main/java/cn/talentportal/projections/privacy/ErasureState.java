package cn.talentportal.projections.privacy;

/** Where a data subject's erasure stands. */
public enum ErasureState {
    REQUESTED,
    ERASED
}
