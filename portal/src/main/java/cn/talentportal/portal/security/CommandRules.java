package cn.talentportal.portal.security;

import cn.talentportal.domain.alert.JobAlertCommands.DeleteSavedSearch;
import cn.talentportal.domain.alert.JobAlertCommands.MarkJobAlertsRead;
import cn.talentportal.domain.alert.JobAlertCommands.RaiseJobAlert;
import cn.talentportal.domain.alert.JobAlertCommands.SaveSearch;
import cn.talentportal.domain.candidate.CandidateCommands.AcceptOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.DeclineOffer;
import cn.talentportal.domain.candidate.CandidateCommands.ExtendOffer;
import cn.talentportal.domain.candidate.CandidateCommands.GiveConsent;
import cn.talentportal.domain.candidate.CandidateCommands.PlaceCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateCommands.ScreenApplication;
import cn.talentportal.domain.candidate.CandidateCommands.SignContract;
import cn.talentportal.domain.candidate.CandidateCommands.UpdateCandidateProfile;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawApplication;
import cn.talentportal.domain.candidate.CandidateCommands.WithdrawConsent;
import cn.talentportal.domain.drive.DriveCommands.CancelDrive;
import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.drive.DriveCommands.MarkDriveHeld;
import cn.talentportal.domain.drive.DriveCommands.PlanDrive;
import cn.talentportal.domain.drive.DriveCommands.RecordAttendance;
import cn.talentportal.domain.drive.DriveCommands.RegisterAtDrive;
import cn.talentportal.domain.drive.DriveCommands.SignUpForDrive;
import cn.talentportal.domain.drive.DriveCommands.UnfeatureOpening;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerCommands.RemoveRecruiter;
import cn.talentportal.domain.interview.InterviewCommands.CancelInterview;
import cn.talentportal.domain.interview.InterviewCommands.DecideInterviewOutcome;
import cn.talentportal.domain.interview.InterviewCommands.RecordInterviewHeld;
import cn.talentportal.domain.interview.InterviewCommands.RecordNoShow;
import cn.talentportal.domain.interview.InterviewCommands.RescheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.ScheduleInterview;
import cn.talentportal.domain.interview.InterviewCommands.SubmitScorecard;
import cn.talentportal.domain.interview.InterviewRoomCommands.AdmitCandidate;
import cn.talentportal.domain.interview.InterviewRoomCommands.EndInterview;
import cn.talentportal.domain.interview.InterviewRoomCommands.JoinInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.LeaveInterviewRoom;
import cn.talentportal.domain.interview.InterviewRoomCommands.ReportConnectionFailure;
import cn.talentportal.domain.interview.InterviewRoomCommands.StartInterview;
import cn.talentportal.domain.interview.RubricCommands.DefineRubric;
import cn.talentportal.domain.interview.RubricCommands.ReviseRubric;
import cn.talentportal.domain.notification.NotificationCommands.QueueNotification;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationFailure;
import cn.talentportal.domain.notification.NotificationCommands.RecordNotificationSent;
import cn.talentportal.domain.opening.OpeningCommands.CloseOpening;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.EditOpening;
import cn.talentportal.domain.opening.OpeningCommands.PauseOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningCommands.ResumeOpening;
import cn.talentportal.domain.outreach.OutreachCommands.CloseCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.LaunchCampaign;
import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.AddToReturneeRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.ConvertReturneeToCandidate;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.GiveContactConsent;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.UpdateRegisterEntry;
import cn.talentportal.domain.outreach.ReturneeRegisterCommands.WithdrawContactConsent;
import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordHistoryExport;
import cn.talentportal.domain.privacy.PrivacyCommands.RecordPersonalDataAccess;
import cn.talentportal.domain.retention.AllowancePolicyCommands.PublishAllowancePolicy;
import cn.talentportal.domain.retention.AllowancePolicyCommands.ReviseAllowancePolicy;
import cn.talentportal.domain.retention.RetentionCommands.AllocateApartment;
import cn.talentportal.domain.retention.RetentionCommands.AssignServiceSpecialist;
import cn.talentportal.domain.retention.RetentionCommands.GrantAllowance;
import cn.talentportal.domain.retention.RetentionCommands.GrantSchoolPlace;
import cn.talentportal.domain.retention.RetentionCommands.IssueServiceCard;
import cn.talentportal.domain.retention.RetentionCommands.OpenRetentionCase;
import cn.talentportal.domain.retention.RetentionCommands.RecordDeparture;
import cn.talentportal.domain.retention.RetentionCommands.RecordFollowUpVisit;
import cn.talentportal.domain.retention.RetentionCommands.RecordMoveOut;
import cn.talentportal.domain.retention.RetentionCommands.RecordTitlePromotion;
import cn.talentportal.domain.retention.RetentionCommands.RefuseRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.RetentionCommands.ResolveProblem;
import cn.talentportal.portal.account.UserAccount;
import org.springframework.stereotype.Component;

import static cn.talentportal.portal.security.Role.ADMIN;
import static cn.talentportal.portal.security.Role.AUDITOR;
import static cn.talentportal.portal.security.Role.CANDIDATE;
import static cn.talentportal.portal.security.Role.RECRUITER;
import static cn.talentportal.portal.security.Role.SPECIALIST;

/**
 * Who may send which command: the policy, one line per command type. Graduates and returnees act on their own
 * record only; recruiters on their own unit's openings, the applications to them, their interviews and drives;
 * service specialists on the cases assigned to them; administrators on users, units and reference data; auditors
 * record only that they read or exported personal data. Creating commands are checked on their own fields, since the
 * object is not in any read model yet. A command type not listed here is refused to every signed-in user.
 */
@Component
public class CommandRules extends RuleBook {

    public CommandRules(Ownership owns) {
        // graduates and returnees: their own record
        on(RegisterCandidate.class).allowAnonymous().allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(UpdateCandidateProfile.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(ApplyToOpening.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(WithdrawApplication.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(AcceptOffer.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(DeclineOffer.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(SaveSearch.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(DeleteSavedSearch.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(MarkJobAlertsRead.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(SignUpForDrive.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(GiveConsent.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        on(WithdrawConsent.class).allow(CANDIDATE, (me, c) -> own(me, c.candidateId()));
        // erasure: the person asks (or an administrator on their behalf); another administrator approves
        on(RequestErasure.class).allow(CANDIDATE, (me, c) -> own(me, c.subjectId())).allow(ADMIN);
        on(ApproveErasure.class).allow(ADMIN);
        on(RequestRetentionService.class).allow(CANDIDATE, (me, c) -> owns.candidateOfCase(me.candidateId(), c.caseId()));

        // recruiters: the applications to their unit's openings
        on(ScreenApplication.class).allow(RECRUITER, (me, c) -> owns.unitOwnsApplication(me.employerUnitId(),
                c.candidateId(), c.applicationId()));
        on(ExtendOffer.class).allow(RECRUITER, (me, c) -> owns.unitOwnsApplication(me.employerUnitId(),
                c.candidateId(), c.applicationId()));
        on(SignContract.class).allow(RECRUITER, (me, c) -> owns.unitOwnsApplication(me.employerUnitId(),
                c.candidateId(), c.applicationId()));
        on(PlaceCandidate.class).allow(RECRUITER, (me, c) -> owns.unitOwnsApplication(me.employerUnitId(),
                c.candidateId(), c.applicationId()));

        // recruiters: their unit's openings (a draft names its unit itself)
        on(DraftOpening.class).allow(RECRUITER, (me, c) -> ownUnit(me, c.employerUnitId()));
        on(PublishOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));
        on(EditOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));
        on(PauseOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));
        on(ResumeOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));
        on(CloseOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));

        // recruiters: interviews of their unit's applications
        on(ScheduleInterview.class).allow(RECRUITER, (me, c) -> owns.unitOwnsApplication(me.employerUnitId(),
                c.candidateId(), c.applicationId()));
        on(RescheduleInterview.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(CancelInterview.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(RecordNoShow.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(RecordInterviewHeld.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(SubmitScorecard.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(DecideInterviewOutcome.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(AdmitCandidate.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(StartInterview.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(EndInterview.class).allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        // the interview room: the interview's own candidate and its unit's panel
        on(JoinInterviewRoom.class)
                .allow(CANDIDATE, (me, c) -> owns.candidateOfInterview(me.candidateId(), c.interviewId()))
                .allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(LeaveInterviewRoom.class)
                .allow(CANDIDATE, (me, c) -> owns.candidateOfInterview(me.candidateId(), c.interviewId()))
                .allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));
        on(ReportConnectionFailure.class)
                .allow(CANDIDATE, (me, c) -> owns.candidateOfInterview(me.candidateId(), c.interviewId()))
                .allow(RECRUITER, (me, c) -> owns.unitOwnsInterview(me.employerUnitId(), c.interviewId()));

        // recruiters: drives of their unit (a new drive belongs to the unit of whoever plans it)
        on(PlanDrive.class).allow(RECRUITER);
        on(FeatureOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId())
                && owns.unitOwnsOpening(me.employerUnitId(), c.openingId()));
        on(UnfeatureOpening.class).allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId()));
        on(RecordAttendance.class).allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId()));
        on(MarkDriveHeld.class).allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId()));
        on(CancelDrive.class).allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId()));
        // a student signs up at the drive's stand without an account, or the drive's recruiters enter a walk-in
        on(RegisterAtDrive.class).allowAnonymous().allow(RECRUITER, (me, c) -> owns.unitOwnsDrive(me.employerUnitId(), c.driveId()));

        // the talent office's outreach to returnees: recruiters run it
        on(AddToReturneeRegister.class).allow(RECRUITER);
        on(GiveContactConsent.class).allow(RECRUITER);
        on(WithdrawContactConsent.class).allow(RECRUITER);
        on(UpdateRegisterEntry.class).allow(RECRUITER);
        on(ConvertReturneeToCandidate.class).allow(RECRUITER);
        on(LaunchCampaign.class).allow(RECRUITER);
        on(RecordOutreachContact.class).allow(RECRUITER);
        on(CloseCampaign.class).allow(RECRUITER);

        // service specialists: the cases assigned to them; taking on a case nobody has yet
        on(AssignServiceSpecialist.class)
                .allow(SPECIALIST, (me, c) -> me.userId().equals(c.specialistUserId())
                        && (owns.caseUnassigned(c.caseId()) || owns.specialistOfCase(me.userId(), c.caseId())))
                .allow(ADMIN);
        on(RefuseRetentionService.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(AllocateApartment.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(RecordMoveOut.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(GrantAllowance.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(GrantSchoolPlace.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(IssueServiceCard.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(RecordFollowUpVisit.class).allow(SPECIALIST, (me, c) -> me.userId().equals(c.visitorUserId())
                && owns.specialistOfCase(me.userId(), c.caseId()));
        on(ResolveProblem.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(RecordTitlePromotion.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));
        on(RecordDeparture.class).allow(SPECIALIST, (me, c) -> owns.specialistOfCase(me.userId(), c.caseId()));

        // administrators: units and their recruiters, reference data
        on(CreateEmployerUnit.class).allow(ADMIN);
        on(AssignRecruiter.class).allow(ADMIN);
        on(RemoveRecruiter.class).allow(ADMIN);
        on(DefineRubric.class).allow(ADMIN);
        on(ReviseRubric.class).allow(ADMIN);
        on(PublishAllowancePolicy.class).allow(ADMIN);
        on(ReviseAllowancePolicy.class).allow(ADMIN);

        // whoever reads personal data records it with the reason (a record that only adds to the trail), and
        // administrators only read it so: in the outbox, naming the reason
        on(RecordPersonalDataAccess.class).allow(AUDITOR).allow(ADMIN).allow(RECRUITER).allow(SPECIALIST);
        on(RecordHistoryExport.class).allow(AUDITOR);

        // the portal's own processes
        systemOnly(OpenRetentionCase.class);
        systemOnly(RaiseJobAlert.class);
        systemOnly(QueueNotification.class);
        systemOnly(RecordNotificationSent.class);
        systemOnly(RecordNotificationFailure.class);
    }

    static boolean own(UserAccount me, String candidateId) {
        return me.candidateId() != null && me.candidateId().equals(candidateId);
    }

    static boolean ownUnit(UserAccount me, String employerUnitId) {
        return me.employerUnitId() != null && me.employerUnitId().equals(employerUnitId);
    }
}
