package cn.talentportal.projections.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A candidate's whole state as it stood at {@code asOf}: an ordered list of sections (profile, register entry,
 * drives, then each application followed by its opening, its interviews and its retention case), the policy replay
 * of every allowance grant, and the stored events it was rebuilt from (ordered by timestamp). Two dossiers of the
 * same candidate compare line by line ({@link DossierDiff}).
 */
public record CandidateDossier(String candidateId, Instant asOf, List<DossierSection> sections,
                               List<PolicyCheck> policyChecks, List<DossierEvent> events) {

    public CandidateDossier {
        sections = List.copyOf(sections);
        policyChecks = List.copyOf(policyChecks);
        events = List.copyOf(events);
    }

    /** The dossier of a candidate not registered yet at {@code asOf}. */
    public static CandidateDossier notYetRegistered(String candidateId, Instant asOf) {
        return new CandidateDossier(candidateId, asOf, List.of(), List.of(), List.of());
    }

    public boolean registered() {
        return !sections.isEmpty();
    }

    /** Every line, in section order. */
    public List<DossierLine> allLines() {
        return sections.stream().flatMap(section -> section.lines().stream()).toList();
    }

    public Optional<DossierLine> line(String path) {
        return allLines().stream().filter(line -> line.path().equals(path)).findFirst();
    }

    /** The value at {@code path}, or null when the dossier has no such line. */
    public Object value(String path) {
        return line(path).map(DossierLine::value).orElse(null);
    }

    public Optional<DossierSection> section(String key) {
        return sections.stream().filter(section -> section.key().equals(key)).findFirst();
    }
}
