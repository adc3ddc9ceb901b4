package cn.talentportal.infra.privacy;

/**
 * An encrypted personal value (or a wrapped key) that does not authenticate: changed after it was written, or
 * copied from another subject. Refused loudly, unlike an erased key (which reads as "erased").
 */
public class TamperedPersonalDataException extends RuntimeException {

    public TamperedPersonalDataException(String subjectId) {
        super("Encrypted personal data of subject " + subjectId + " does not authenticate: changed or moved");
    }
}
