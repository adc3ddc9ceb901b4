package cn.talentportal.projections.dossier;

import java.util.Set;

/**
 * The streams, other than the candidate's own, whose events name the candidate, as {@link CandidateStreamsProjection}
 * recorded them. Ids never change, so the replay may find streams here and still take from each only the events up
 * to the chosen instant.
 */
public record LinkedStreams(Set<String> interviews, Set<String> drives, Set<String> retentionCases,
                            Set<String> registerEntries) {

    public LinkedStreams {
        interviews = Set.copyOf(interviews);
        drives = Set.copyOf(drives);
        retentionCases = Set.copyOf(retentionCases);
        registerEntries = Set.copyOf(registerEntries);
    }

    public static LinkedStreams none() {
        return new LinkedStreams(Set.of(), Set.of(), Set.of(), Set.of());
    }
}
