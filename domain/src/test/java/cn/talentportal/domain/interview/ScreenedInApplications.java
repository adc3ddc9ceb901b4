package cn.talentportal.domain.interview;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;

/**
 * Scheduling asks the candidate whether the application may be interviewed: the interview tests are given
 * candidates whose applications were screened in, as the candidate's own events.
 */
final class ScreenedInApplications {

    static final String EMPLOYER_ID = "u9";
    static final String EMPLOYER = "县人民医院";

    private ScreenedInApplications() {
    }

    /** Registers the candidate with their first application; a later application is added to their stream. */
    static void given(EventStore store, String candidateId, String candidateName, String applicationId,
                      String openingId, String openingTitle) {
        long sequence = store.lastSequenceNumberFor(candidateId).map(last -> last + 1).orElse(0L);
        List<Object> events = new ArrayList<>();
        if (sequence == 0) {
            events.add(new CandidateRegistered(candidateId, candidateName, new PhoneNumber("13900139000"),
                    new EmailAddress(candidateId + "@example.cn"), null,
                    new CandidateProfile(Education.BACHELOR, "重庆医科大学", "护理学", 2026, "城关镇", "重庆", null),
                    new RegistrationChannel(CandidateSource.SELF_REGISTRATION, null, null),
                    RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        }
        events.add(new ApplicationSubmitted(candidateId, applicationId, candidateName, openingId, openingTitle,
                EMPLOYER_ID, EMPLOYER));
        events.add(new ApplicationScreenedIn(candidateId, candidateName, applicationId, openingId, openingTitle,
                EMPLOYER_ID, EMPLOYER, null));
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>("Candidate", candidateId, sequence++, event));
        }
    }
}
