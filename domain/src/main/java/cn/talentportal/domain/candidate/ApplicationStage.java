package cn.talentportal.domain.candidate;

/** Where an application of a candidate stands; only the candidate aggregate moves it. */
enum ApplicationStage {
    SUBMITTED, WITHDRAWN, SCREENED_IN, SCREENED_OUT, OFFER_EXTENDED, OFFER_ACCEPTED, OFFER_DECLINED, OFFER_EXPIRED,
    SIGNED, PLACED;

    boolean signed() {
        return this == SIGNED || this == PLACED;
    }

    boolean offerAnswered() {
        return this == OFFER_ACCEPTED || this == OFFER_DECLINED || signed();
    }
}
