package cn.talentportal.infra.privacy;

/**
 * Personal data serialized outside an event or snapshot of a known stream: there is no key to encrypt it with, and
 * writing it as plaintext would make it impossible to erase. A programming error, refused loudly.
 */
public class PersonalDataWithoutSubjectException extends IllegalStateException {

    public PersonalDataWithoutSubjectException(Class<?> type) {
        super(type.getSimpleName() + " is personal data and can only be serialized for a subject "
                + "(an aggregate's event or snapshot); refusing to write it as plaintext");
    }
}
