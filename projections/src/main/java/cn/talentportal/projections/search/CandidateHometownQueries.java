package cn.talentportal.projections.search;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.projections.search.SearchQueries.CandidateHometown;
import cn.talentportal.projections.search.SearchQueries.FindCandidateHometown;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The hometown for the search's hometown boost, read from the candidate's own stream (the latest profile), so the
 * search needs no candidate read model. A stream that starts from a snapshot may hide the profile: no boost then.
 */
@Component
public class CandidateHometownQueries {

    private final EventStore eventStore;

    public CandidateHometownQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public CandidateHometown handle(FindCandidateHometown query) {
        String[] hometown = {null};
        eventStore.readEvents(query.candidateId()).asStream().forEach(event -> {
            CandidateProfile profile = switch (event.getPayload()) {
                case CandidateRegistered registered -> registered.profile();
                case CandidateProfileUpdated updated -> updated.profile();
                default -> null;
            };
            if (profile != null) {
                hometown[0] = profile.hometownCounty();
            }
        });
        return new CandidateHometown(hometown[0]);
    }
}
