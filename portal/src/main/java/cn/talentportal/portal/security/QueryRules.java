package cn.talentportal.portal.security;

import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.projections.alert.AlertQueries.CountUnreadNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindNotifications;
import cn.talentportal.projections.alert.AlertQueries.FindSavedSearches;
import cn.talentportal.projections.application.ApplicationQueries.FindApplication;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsForEmployer;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfCandidate;
import cn.talentportal.projections.application.ApplicationQueries.FindApplicationsOfOpening;
import cn.talentportal.projections.application.ApplicationQueries.FindOpeningPipeline;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidateHistory;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateQueries.FindStreamsHistory;
import cn.talentportal.projections.dossier.DossierQueries.FindCandidateAsOf;
import cn.talentportal.projections.drive.DriveQueries.CountDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.CountDrivesOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.FindDrivesOfUnit;
import cn.talentportal.projections.employer.EmployerQueries.FindAllEmployerUnits;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.interview.InterviewQueries.CountInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindBusySlots;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewCalendar;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewDetail;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfCandidate;
import cn.talentportal.projections.interview.InterviewQueries.FindInterviewsOfOpenings;
import cn.talentportal.projections.interview.InterviewQueries.FindRubrics;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import cn.talentportal.projections.outreach.OutreachQueries.CountCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaign;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.FindProfessionalFields;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntry;
import cn.talentportal.projections.outreach.OutreachQueries.FindTargetGroup;
import cn.talentportal.projections.privacy.ErasureQueries.CountErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureOf;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureRequests;
import cn.talentportal.projections.privacy.ErasureQueries.FindErasureSubject;
import cn.talentportal.projections.privacy.PrivacyQueries.FindPersonalDataAccess;
import cn.talentportal.projections.retention.RetentionQueries.CountCaseload;
import cn.talentportal.projections.retention.RetentionQueries.CountUnassignedCases;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseload;
import cn.talentportal.projections.retention.RetentionQueries.FindCaseloadPage;
import cn.talentportal.projections.retention.RetentionQueries.FindCasesOfCandidate;
import cn.talentportal.projections.retention.RetentionQueries.FindFollowUpVisits;
import cn.talentportal.projections.retention.RetentionQueries.FindRetentionCase;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.RetentionQueries.FindUnassignedCases;
import cn.talentportal.projections.search.SearchQueries.FindCandidateHometown;
import cn.talentportal.projections.search.SearchQueries.FindOpenings;
import cn.talentportal.projections.search.SearchQueries.FindSimilarOpenings;
import cn.talentportal.projections.search.SearchQueries.SearchOpenings;
import cn.talentportal.projections.search.SearchQueries.SuggestOpenings;
import cn.talentportal.projections.statistics.FunnelQueries.FindFunnelBySource;
import cn.talentportal.projections.statistics.FunnelQueries.FindRetentionByCohort;
import cn.talentportal.projections.statistics.StatisticsQueries.FindOfficeStatistics;
import org.springframework.stereotype.Component;

import static cn.talentportal.portal.security.CommandRules.own;
import static cn.talentportal.portal.security.CommandRules.ownUnit;
import static cn.talentportal.portal.security.Role.ADMIN;
import static cn.talentportal.portal.security.Role.AUDITOR;
import static cn.talentportal.portal.security.Role.CANDIDATE;
import static cn.talentportal.portal.security.Role.RECRUITER;
import static cn.talentportal.portal.security.Role.SPECIALIST;

/**
 * Who may ask which query: the policy, one line per query type. Auditors read everything (every rule starts with
 * them). Graduates and returnees read their own record; recruiters their unit's openings, drives and the applications
 * to them; specialists their caseload and the cases nobody has taken yet; administrators reference data and
 * figures without personal data. Public job search is open to visitors. A query type not listed here is refused to
 * every signed-in user.
 */
@Component
public class QueryRules extends RuleBook {

    public QueryRules(Ownership owns) {
        // public: the job search and what a visitor sees of openings and drives
        everyone(SearchOpenings.class);
        everyone(FindOpenings.class);
        everyone(SuggestOpenings.class);
        everyone(FindSimilarOpenings.class);
        everyone(FindOpening.class);
        everyone(FindDriveConversions.class);

        // reference data
        read(FindAllEmployerUnits.class).allow(ADMIN).allow(RECRUITER).allow(SPECIALIST).allow(CANDIDATE);
        read(FindEmployerUnit.class).allow(ADMIN).allow(RECRUITER).allow(SPECIALIST).allow(CANDIDATE);
        read(FindRubrics.class).allow(ADMIN).allow(RECRUITER);
        read(FindAllowancePolicies.class).allow(ADMIN).allow(SPECIALIST);

        // figures without personal data
        read(FindOfficeStatistics.class).allow(ADMIN).allow(RECRUITER);
        read(FindFunnelBySource.class).allow(ADMIN).allow(RECRUITER);
        read(FindRetentionByCohort.class).allow(ADMIN).allow(RECRUITER);

        // graduates and returnees: their own record
        read(FindApplicationsOfCandidate.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindInterviewsOfCandidate.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindCandidateHistory.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindCandidateHometown.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindNotifications.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindSavedSearches.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(CountUnreadNotifications.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindCasesOfCandidate.class).allow(CANDIDATE, (me, q) -> own(me, q.candidateId()));
        read(FindErasureOf.class).allow(CANDIDATE, (me, q) -> own(me, q.subjectId())).allow(ADMIN);

        // administrators: the erasure requests to approve
        read(FindErasureRequests.class).allow(ADMIN);
        // who an administrator files an erasure for, found by the identifier the person gave (name only)
        read(FindErasureSubject.class).allow(ADMIN);
        read(CountErasureRequests.class).allow(ADMIN);

        // recruiters: their unit
        read(FindOpeningsOfEmployer.class).allow(RECRUITER, (me, q) -> ownUnit(me, q.employerUnitId()));
        read(FindApplicationsForEmployer.class).allow(RECRUITER, (me, q) -> ownUnit(me, q.employerUnitId()));
        read(FindOpeningPipeline.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsOpening(me.employerUnitId(), q.openingId()));
        read(FindApplicationsOfOpening.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsOpening(me.employerUnitId(), q.openingId()));
        read(FindInterviewsOfOpenings.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsOpenings(me.employerUnitId(), q.openingIds()));
        read(CountInterviewsOfOpenings.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsOpenings(me.employerUnitId(), q.openingIds()));
        read(FindInterviewCalendar.class).allow(RECRUITER, (me, q) -> me.userId().equals(q.panelMemberUserId()));
        // only the times panel members are taken, to plan around them
        read(FindBusySlots.class).allow(RECRUITER);
        read(FindInterviewDetail.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsInterview(me.employerUnitId(), q.interviewId()))
                .allow(CANDIDATE, (me, q) -> owns.candidateOfInterview(me.candidateId(), q.interviewId()));
        read(FindDrivesOfUnit.class).allow(RECRUITER, (me, q) -> ownUnit(me, q.employerUnitId()));
        read(CountDrivesOfUnit.class).allow(RECRUITER, (me, q) -> ownUnit(me, q.employerUnitId()));
        read(FindDriveOfUnit.class).allow(RECRUITER, (me, q) -> ownUnit(me, q.employerUnitId()));
        read(FindDriveConversion.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsDrive(me.employerUnitId(), q.driveId()));
        read(FindDriveRegistrations.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsDrive(me.employerUnitId(), q.driveId()));
        read(CountDriveRegistrations.class)
                .allow(RECRUITER, (me, q) -> owns.unitOwnsDrive(me.employerUnitId(), q.driveId()));

        // recruiters: the office's returnee register and outreach campaigns
        read(FindRegisterEntries.class).allow(RECRUITER);
        read(CountRegisterEntries.class).allow(RECRUITER);
        read(FindRegisterEntry.class).allow(RECRUITER);
        read(FindProfessionalFields.class).allow(RECRUITER);
        read(FindTargetGroup.class).allow(RECRUITER);
        read(FindCampaigns.class).allow(RECRUITER);
        read(CountCampaigns.class).allow(RECRUITER);
        read(FindCampaign.class).allow(RECRUITER);

        // service specialists: their caseload, and cases nobody has taken yet
        read(FindCaseload.class).allow(SPECIALIST, (me, q) -> self(me, q.specialistUserId()));
        read(FindCaseloadPage.class).allow(SPECIALIST, (me, q) -> self(me, q.specialistUserId()));
        read(CountCaseload.class).allow(SPECIALIST, (me, q) -> self(me, q.specialistUserId()));
        read(FindUnassignedCases.class).allow(SPECIALIST);
        read(CountUnassignedCases.class).allow(SPECIALIST);
        read(FindRetentionCase.class).allow(SPECIALIST, (me, q) ->
                owns.specialistOfCase(me.userId(), q.caseId()) || owns.caseUnassigned(q.caseId()));
        read(FindServiceRequests.class)
                .allow(SPECIALIST, (me, q) -> owns.specialistOfCase(me.userId(), q.caseId()))
                .allow(CANDIDATE, (me, q) -> owns.candidateOfCase(me.candidateId(), q.caseId()));
        read(FindFollowUpVisits.class)
                .allow(SPECIALIST, (me, q) -> owns.specialistOfCase(me.userId(), q.caseId()))
                .allow(CANDIDATE, (me, q) -> owns.candidateOfCase(me.candidateId(), q.caseId()));

        // auditors only: whole histories, any candidate as of any moment, the access trail
        read(FindCandidates.class);
        read(FindCandidateAsOf.class);
        // and a candidate's own interviews and retention cases, of which "my history" shows their steps
        read(FindStreamsHistory.class)
                .allow(CANDIDATE, (me, q) -> owns.streamsOfCandidate(me.candidateId(), q.aggregateIds()));
        read(FindApplication.class);
        read(FindPersonalDataAccess.class);
    }

    /** Auditors read everything: every query rule starts with them. */
    private <T> Rule<T> read(Class<T> type) {
        return on(type).allow(AUDITOR);
    }

    private void everyone(Class<?> type) {
        Rule<?> rule = read(type).allowAnonymous();
        for (Role role : Role.values()) {
            if (role != AUDITOR) {
                rule.allow(role);
            }
        }
    }

    private static boolean self(UserAccount me, String userId) {
        return me.userId().equals(userId);
    }
}
