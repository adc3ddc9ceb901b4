package cn.talentportal.projections.privacy;

import java.time.Instant;

/** One data subject's erasure as administrators list it: who asked, why, and who approved it when. */
public record ErasureRequestView(String subjectId, String subjectName, ErasureState state, String requestedBy,
                                 String requestedByName, String requestReason, Instant requestedAt,
                                 String approvedByName, String approvalReason, Instant erasedAt) {
}
