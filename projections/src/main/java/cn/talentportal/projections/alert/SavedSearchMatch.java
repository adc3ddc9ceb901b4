package cn.talentportal.projections.alert;

/** A saved search an opening matched: whom to alert, and for which of their searches. */
public record SavedSearchMatch(String candidateId, String savedSearchId, String searchName) {
}
