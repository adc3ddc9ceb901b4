package cn.talentportal.projections.dossier;

import java.util.List;

/**
 * One thing of a candidate's story (the profile, an application, an opening, an interview, a drive, a retention
 * case, a register entry). {@code key} is the path prefix of its lines ({@code interviews/<interviewId>}),
 * {@code titleKey} the message key of its kind, {@code heading} the name it had then (an opening title, a drive
 * title), or null.
 */
public record DossierSection(String key, String titleKey, String heading, List<DossierLine> lines) {

    public DossierSection {
        lines = List.copyOf(lines);
    }
}
