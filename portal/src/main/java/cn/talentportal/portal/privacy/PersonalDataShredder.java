package cn.talentportal.portal.privacy;

import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.NativeAddedToRegister;
import cn.talentportal.domain.privacy.ErasureEvents.PersonalDataErased;
import cn.talentportal.infra.mail.Outbox;
import cn.talentportal.infra.privacy.PersonalDataKeys;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.projections.dossier.CandidateAsOfQueries;
import cn.talentportal.projections.dossier.CandidateStreamsProjection;
import cn.talentportal.projections.dossier.LinkedStreams;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Carries out an approved erasure (decision 0026): deletes the data keys of every stream that holds the person's
 * personal data (their candidate stream, retention cases and register entry), so those fields read as erased
 * everywhere from then on, and removes what is kept outside the event store: the mail address on their account and
 * the mail in the outbox addressed to them, and the registration claims (keyed hashes of ID number, phone and
 * email), and drops the as-of replay's kept copies of those streams. Idempotent: deleting a deleted key or an
 * absent address changes nothing.
 */
@Component
@ProcessingGroup(PersonalDataShredder.PROCESSING_GROUP)
public class PersonalDataShredder {

    public static final String PROCESSING_GROUP = "personal-data-erasure";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataShredder.class);

    private final PersonalDataKeys keys;
    private final CandidateStreamsProjection candidateStreams;
    private final EventStore eventStore;
    private final UserAccounts accounts;
    private final Outbox outbox;
    private final CandidateAsOfQueries asOfReplay;
    private final RegistrationClaims claims;

    public PersonalDataShredder(PersonalDataKeys keys, CandidateStreamsProjection candidateStreams,
                                EventStore eventStore, UserAccounts accounts, Outbox outbox,
                                CandidateAsOfQueries asOfReplay, RegistrationClaims claims) {
        this.claims = claims;
        this.keys = keys;
        this.candidateStreams = candidateStreams;
        this.eventStore = eventStore;
        this.accounts = accounts;
        this.outbox = outbox;
        this.asOfReplay = asOfReplay;
        // an erasure carried out on another node: which streams it erased is not known here, so forget them all
        keys.onErasure(asOfReplay::forgetAllStreams);
    }

    /**
     * From the tail of the store, one event a batch: a portal that gets this feature late still carries out every
     * erasure approved before (each once more is harmless).
     */
    @Bean
    static ConfigurerModule personalDataErasureProcessor() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                PROCESSING_GROUP, c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    @EventHandler
    void on(PersonalDataErased erased) {
        String candidateId = erased.subjectId();
        LinkedStreams linked = candidateStreams.linkedTo(candidateId);
        Set<String> streams = new LinkedHashSet<>();
        streams.add(candidateId);
        streams.addAll(linked.retentionCases());
        streams.addAll(linked.registerEntries());

        // the addresses are read before their keys go: afterwards nobody can tell which mail was theirs
        Set<String> addresses = new LinkedHashSet<>();
        accounts.eraseEmailOfCandidate(candidateId).ifPresent(addresses::add);
        for (String stream : streams) {
            eventStore.readEvents(stream, 0).asStream().forEach(event -> {
                if (event.getPayload() instanceof CandidateRegistered registered && registered.email() != null) {
                    addresses.add(registered.email().value());
                } else if (event.getPayload() instanceof NativeAddedToRegister added && added.email() != null) {
                    addresses.add(added.email().value());
                }
            });
        }
        outbox.eraseMailTo(addresses);
        keys.erase(streams);
        claims.releaseAll(candidateId); // the keyed hashes of ID number, phone and email found them still
        asOfReplay.forgetStreams(streams); // the as-of replay keeps decrypted streams for a while
        log.info("Personal data of {} erased: keys of {} streams deleted", candidateId, streams.size());
    }
}
