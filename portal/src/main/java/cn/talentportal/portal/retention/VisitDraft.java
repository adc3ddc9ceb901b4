package cn.talentportal.portal.retention;

import java.time.LocalDate;

/** A follow-up visit as the specialist types it: the problems one a line. */
class VisitDraft {

    LocalDate visitedOn;
    String notes;
    String problems;
}
