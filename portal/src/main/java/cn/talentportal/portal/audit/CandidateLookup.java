package cn.talentportal.portal.audit;

import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey;
import cn.talentportal.domain.candidate.RegistrationClaims.RegistrationKey.Kind;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.IdNumber;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.projections.application.ApplicationQueries.FindApplication;
import cn.talentportal.projections.application.ApplicationView;
import cn.talentportal.projections.candidate.CandidateQueries.FindCandidates;
import cn.talentportal.projections.candidate.CandidateSummary;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What the auditors' search box finds: a person by their exact ID number, mobile phone or email (through the keyed
 * hashes that keep registrations unique, so no read model holds them in clear), by an application's or their own
 * id, or else by a part of their name.
 */
@Component
public class CandidateLookup {

    static final int LIMIT = 100;

    private final QueryGateway queries;
    private final RegistrationClaims claims;

    public CandidateLookup(QueryGateway queries, RegistrationClaims claims) {
        this.queries = queries;
        this.claims = claims;
    }

    public List<CandidateSummary> find(String text) {
        String typed = text == null ? "" : text.strip();
        Optional<String> exact = holderOf(typed).or(() -> typed.isEmpty() ? Optional.empty() : applicant(typed));
        return candidates(exact.orElse(typed));
    }

    /** The candidate registered with exactly this ID number, mobile phone or email, if any. */
    public Optional<String> holderOf(String identifier) {
        String typed = identifier == null ? "" : identifier.strip();
        return typed.isEmpty() ? Optional.empty() : Stream.<Function<String, Optional<String>>>of(
                        t -> key(Kind.ID_NUMBER, t, v -> new IdNumber(v).value()),
                        t -> key(Kind.PHONE, t, v -> new PhoneNumber(v).value()),
                        t -> key(Kind.EMAIL, t, v -> new EmailAddress(v).value()))
                .map(lookup -> lookup.apply(typed))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<String> key(Kind kind, String typed, Function<String, String> normalised) {
        try {
            return claims.holderOf(new RegistrationKey(kind, normalised.apply(typed)));
        } catch (DomainRuleViolation notThatKindOfValue) {
            return Optional.empty();
        }
    }

    private Optional<String> applicant(String typed) {
        return queries.query(new FindApplication(typed), ResponseTypes.optionalInstanceOf(ApplicationView.class))
                .join().map(ApplicationView::candidateId);
    }

    private List<CandidateSummary> candidates(String nameOrId) {
        return queries.query(new FindCandidates(nameOrId, LIMIT),
                ResponseTypes.multipleInstancesOf(CandidateSummary.class)).join();
    }
}
