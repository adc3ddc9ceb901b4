package cn.talentportal.domain.privacy;

import cn.talentportal.domain.privacy.ErasureCommands.ApproveErasure;
import cn.talentportal.domain.privacy.ErasureCommands.RequestErasure;
import cn.talentportal.domain.privacy.ErasureEvents.ErasureRequested;
import cn.talentportal.domain.privacy.ErasureEvents.PersonalDataErased;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.domain.shared.DomainRuleViolation;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonalDataErasureTest {

    static final ErasureRequested REQUESTED = new ErasureRequested("c1", "王芳", "u-wang", "不再求职");

    private AggregateTestFixture<PersonalDataErasure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalDataErasure.class);
    }

    private static MetaData by(String userId) {
        return MetaData.with(AuditMetaData.USER_ID, userId);
    }

    @Test
    void a_person_requests_the_erasure_of_their_data() {
        fixture.givenNoPriorActivity()
                .when(new RequestErasure("c1", " 王芳 ", " 不再求职 "), by("u-wang"))
                .expectEvents(REQUESTED);
    }

    @Test
    void another_person_approves_it_and_the_data_is_erased() {
        fixture.given(REQUESTED)
                .when(new ApproveErasure("c1", "本人申请，核实无误"), by("u-admin"))
                .expectEvents(new PersonalDataErased("c1", "王芳", "u-wang", "u-admin", "本人申请，核实无误"));
    }

    @Test
    void the_requester_cannot_approve_their_own_request() {
        fixture.given(REQUESTED)
                .when(new ApproveErasure("c1", "自己批准"), by("u-wang"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("privacy.erasure.approverIsRequester");
    }

    @Test
    void an_approval_says_why() {
        fixture.given(REQUESTED)
                .when(new ApproveErasure("c1", " "), by("u-admin"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_erased_subject_is_neither_requested_again_nor_erased_twice() {
        PersonalDataErased erased = new PersonalDataErased("c1", "王芳", "u-wang", "u-admin", "核实");
        fixture.given(REQUESTED, erased)
                .when(new RequestErasure("c1", "王芳", "再次申请"), by("u-wang"))
                .expectExceptionMessage("privacy.erasure.alreadyErased");
        fixture.given(REQUESTED, erased)
                .when(new ApproveErasure("c1", "再次批准"), by("u-boss"))
                .expectExceptionMessage("privacy.erasure.alreadyErased");
    }

    @Test
    void a_pending_request_is_not_made_twice() {
        fixture.given(REQUESTED)
                .when(new RequestErasure("c1", "王芳", "再次申请"), by("u-admin"))
                .expectExceptionMessage("privacy.erasure.alreadyRequested");
    }
}
