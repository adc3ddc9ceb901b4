package cn.talentportal.domain;

import cn.talentportal.domain.alert.JobAlerts;
import cn.talentportal.domain.candidate.ApplicationCommandHandler;
import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.OfferCommandHandler;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.SigningCommandHandler;
import cn.talentportal.domain.drive.DriveCommandHandler;
import cn.talentportal.domain.drive.DriveRegistrationHandler;
import cn.talentportal.domain.drive.RecruitmentDrive;
import cn.talentportal.domain.employer.EmployerUnit;
import cn.talentportal.domain.interview.Interview;
import cn.talentportal.domain.interview.InterviewSchedulingHandler;
import cn.talentportal.domain.interview.ParticipantCalendar;
import cn.talentportal.domain.interview.Rubric;
import cn.talentportal.domain.notification.Notification;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.outreach.OutreachCampaign;
import cn.talentportal.domain.outreach.OutreachCommandHandler;
import cn.talentportal.domain.outreach.ReturneeConversionHandler;
import cn.talentportal.domain.outreach.ReturneeRegisterEntry;
import cn.talentportal.domain.privacy.PersonalDataAccessLog;
import cn.talentportal.domain.privacy.PersonalDataErasure;
import cn.talentportal.domain.retention.AllowanceCommandHandler;
import cn.talentportal.domain.retention.AllowancePolicy;
import cn.talentportal.domain.retention.RetentionCase;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.axonframework.modelling.command.Repository;

/**
 * The domain as a host configures it: every aggregate type, and the command handlers that keep rules spanning
 * aggregates (decision 0007). One list, so the portal's configuration (infra) and the domain's own in-memory tests
 * cannot drift apart.
 */
public final class DomainModel {

    public static final List<Class<?>> AGGREGATES = List.of(EmployerUnit.class, Opening.class, Candidate.class,
            RecruitmentDrive.class, RetentionCase.class, AllowancePolicy.class, ReturneeRegisterEntry.class,
            OutreachCampaign.class, Interview.class, Rubric.class, ParticipantCalendar.class, JobAlerts.class,
            Notification.class, PersonalDataAccessLog.class, PersonalDataErasure.class);

    private DomainModel() {
    }

    /** The repositories of the hosting configuration, by aggregate type (Axon's {@code Configuration::repository}). */
    public interface Repositories {
        <T> Repository<T> of(Class<T> aggregateType);
    }

    /** Factories of the cross-aggregate command handlers, each to be registered with the host's repositories. */
    public static List<Function<Repositories, Object>> commandHandlers(RegistrationClaims claims, Clock clock) {
        return List.of(
                r -> new ApplicationCommandHandler(r.of(Opening.class), r.of(Candidate.class), clock),
                r -> new OfferCommandHandler(r.of(Interview.class), r.of(Candidate.class), clock),
                r -> new SigningCommandHandler(r.of(Opening.class), r.of(Candidate.class), clock),
                r -> new PlacementCommandHandler(r.of(Candidate.class), r.of(RetentionCase.class), clock),
                r -> new DriveRegistrationHandler(r.of(RecruitmentDrive.class), r.of(Candidate.class), claims, clock),
                r -> new ReturneeConversionHandler(r.of(ReturneeRegisterEntry.class), r.of(Candidate.class), claims),
                r -> new DriveCommandHandler(r.of(Opening.class), r.of(RecruitmentDrive.class)),
                r -> new InterviewSchedulingHandler(r.of(Interview.class), r.of(Candidate.class), r.of(Rubric.class),
                        r.of(ParticipantCalendar.class)),
                r -> new AllowanceCommandHandler(r.of(RetentionCase.class), r.of(AllowancePolicy.class)),
                r -> new OutreachCommandHandler(r.of(ReturneeRegisterEntry.class), r.of(OutreachCampaign.class),
                        r.of(Candidate.class)));
    }
}
