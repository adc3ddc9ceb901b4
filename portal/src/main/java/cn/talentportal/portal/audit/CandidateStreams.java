package cn.talentportal.portal.audit;

import cn.talentportal.domain.interview.ParticipantCalendar;
import cn.talentportal.domain.privacy.PersonalDataAccessLog;
import cn.talentportal.projections.dossier.CandidateDossier;
import cn.talentportal.projections.dossier.DossierSection;
import cn.talentportal.projections.dossier.PolicyCheck;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event streams a candidate's story is stored in, found from their dossier. Their own (their stream, calendar,
 * interviews, retention cases, register entry and access log) make up their timeline; the shared ones (openings,
 * drives, allowance policies) also hold other people's events, so they are verified with the story but not listed
 * in it.
 */
record CandidateStreams(List<String> own, List<String> all) {

    private static final List<String> OWN_SECTIONS = List.of("interviews/", "retention/", "returnee/");
    private static final List<String> SHARED_SECTIONS = List.of("openings/", "drives/");

    static CandidateStreams of(String candidateId, CandidateDossier dossier) {
        Set<String> own = new LinkedHashSet<>(List.of(candidateId, ParticipantCalendar.calendarIdOf(candidateId)));
        Set<String> shared = new LinkedHashSet<>();
        for (DossierSection section : dossier.sections()) {
            OWN_SECTIONS.stream().filter(section.key()::startsWith)
                    .forEach(prefix -> own.add(section.key().substring(prefix.length())));
            SHARED_SECTIONS.stream().filter(section.key()::startsWith)
                    .forEach(prefix -> shared.add(section.key().substring(prefix.length())));
        }
        dossier.policyChecks().stream().map(PolicyCheck::policyId).forEach(shared::add);
        own.add(PersonalDataAccessLog.idOf(candidateId));
        Set<String> all = new LinkedHashSet<>(own);
        all.addAll(shared);
        return new CandidateStreams(List.copyOf(own), List.copyOf(all));
    }
}
