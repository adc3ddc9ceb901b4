package cn.talentportal.projections.dossier;

/**
 * Whether an allowance grant met the policy version in force at the talent's signing, as the policy stood when the
 * grant was decided (replayed from the policy's own stream); translated as {@code policyVerdict.<NAME>}.
 */
public enum PolicyVerdict {
    /** Amount within the cap of the version in force, the version recorded with the grant. */
    MET,
    ABOVE_CAP,
    /** The version in force sets no cap for this allowance type. */
    TYPE_NOT_COVERED,
    /** No version of the policy had taken effect by the signing date. */
    NO_VERSION_IN_FORCE,
    /** The grant recorded another version than the one in force at signing. */
    OTHER_VERSION_RECORDED,
    /** The talent had left the post before the grant. */
    NOT_IN_POST
}
