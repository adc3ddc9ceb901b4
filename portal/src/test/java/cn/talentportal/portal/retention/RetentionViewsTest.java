package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionCommands.RequestRetentionService;
import cn.talentportal.domain.retention.ServiceType;
import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.home.HomeView;
import cn.talentportal.portal.retention.PlacedTalents.Placed;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.retention.AllowancePolicyView;
import cn.talentportal.projections.retention.CaseloadEntry;
import cn.talentportal.projections.retention.FollowUpVisitView;
import cn.talentportal.projections.retention.RetentionQueries.FindAllowancePolicies;
import cn.talentportal.projections.retention.RetentionQueries.FindServiceRequests;
import cn.talentportal.projections.retention.ServiceRequestStatus;
import cn.talentportal.projections.retention.ServiceRequestView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.talentportal.portal.Eventually.eventually;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The specialist's caseload and case pages and the talent's services page, driven without a browser. */
class RetentionViewsTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired QueryGateway queries;

    private PlacedTalents talents;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PlacedTalents talents() {
        if (talents == null) {
            talents = new PlacedTalents(commands, accounts, clock, queries);
        }
        return talents;
    }

    @Test
    void a_specialist_sees_only_their_own_caseload_and_another_specialists_case_is_not_shown() {
        Placed mine = talents().placed("林晓雨");
        Placed theirs = talents().placed("赵一鸣");
        UserAccount specialist = talents().specialist("陈专员");
        UserAccount colleague = talents().specialist("刘专员");
        talents().assign(mine, specialist);
        talents().assign(theirs, colleague);

        switchTo(specialist);
        UI.getCurrent().navigate(CaseloadView.class);
        @SuppressWarnings("unchecked")
        Grid<CaseloadEntry> caseload = _get(Grid.class, spec -> spec.withId("caseload"));
        assertThat(GridKt._size(caseload)).isEqualTo(1);
        assertThat(GridKt._get(caseload, 0).caseId()).isEqualTo(mine.caseId());
        // the first year's milestone is ahead; the first visit is due a quarter after the start
        assertThat(GridKt._get(caseload, 0).nextMilestoneYears()).isEqualTo(1);

        UI.getCurrent().navigate(RetentionCaseView.class, new RouteParameters(RetentionCaseView.CASE_ID,
                theirs.caseId()));
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-not-found")).getText())
                .isEqualTo("没有找到该服务对象，或其不在您的服务名单中");
        _assertNone(Grid.class, spec -> spec.withId("case-requests"));

        UI.getCurrent().navigate(RetentionCaseView.class, new RouteParameters(RetentionCaseView.CASE_ID,
                mine.caseId()));
        assertThat(_get(H2.class, spec -> spec.withId("case-talent")).getText())
                .isEqualTo("林晓雨");
    }

    @Test
    void a_talent_requests_an_apartment_the_specialist_allocates_it_and_the_talent_sees_the_status() {
        Placed talent = talents().placed("韩梅");
        UserAccount specialist = talents().specialist("陈专员");
        talents().assign(talent, specialist);

        switchTo(talent.candidate());
        UI.getCurrent().navigate(MyServicesView.class);
        _setValue(_get(Select.class, spec -> spec.withId("service-type")), ServiceType.TALENT_APARTMENT);
        _setValue(_get(TextArea.class, spec -> spec.withId("service-details")), "希望下月初入住，离学校近一些");
        _click(_get(Button.class, spec -> spec.withId("service-submit")));
        NotificationsKt.expectNotifications("已提交人才公寓申请");
        Grid<ServiceRequestView> mine = requestsGrid("my-service-requests");
        assertThat(GridKt._size(mine)).isEqualTo(1);
        String requestId = GridKt._get(mine, 0).requestId();
        assertThat(statusText(mine)).isEqualTo("待办理");

        switchTo(specialist);
        UI.getCurrent().navigate(RetentionCaseView.class, new RouteParameters(RetentionCaseView.CASE_ID,
                talent.caseId()));
        _click(actionOfFirstRequest("grant-" + requestId));
        _click(_get(Button.class, spec -> spec.withId("grant-confirm")));
        assertThat(_get(TextField.class, spec -> spec.withId("grant-apartment")).isInvalid())
                .as("the apartment is required").isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("grant-apartment")), "人才公寓2栋-305");
        _click(_get(Button.class, spec -> spec.withId("grant-confirm")));
        NotificationsKt.expectNotifications("已答复韩梅的人才公寓申请");
        assertThat(statusText(requestsGrid("case-requests"))).startsWith("已办理 · 人才公寓 人才公寓2栋-305");

        switchTo(talent.candidate());
        UI.getCurrent().navigate(MyServicesView.class);
        assertThat(statusText(requestsGrid("my-service-requests"))).startsWith("已办理 · 人才公寓 人才公寓2栋-305");
    }

    @Test
    void an_allowance_above_the_policy_cap_is_refused_with_the_reason_and_a_refusal_needs_a_reason() {
        Placed talent = talents().placed("吴迪");
        UserAccount specialist = talents().specialist("陈专员");
        talents().assign(talent, specialist);
        String policyName = "县引进人才生活补贴办法" + UUID.randomUUID().toString().substring(0, 4);
        String policyId = talents().policy(policyName, Map.of(AllowanceType.LIVING, 1500));
        eventually(() -> queries.query(new FindAllowancePolicies(),
                        ResponseTypes.multipleInstancesOf(AllowancePolicyView.class)).join(),
                list -> list.stream().anyMatch(p -> p.policyId().equals(policyId)), "the published policy");
        actAs(talent.candidate());
        String requestId = UUID.randomUUID().toString();
        commands.send(new RequestRetentionService(talent.caseId(), requestId, ServiceType.ALLOWANCE, "申请生活补贴"));
        actAsNobody();
        eventually(() -> requests(talent.caseId()), list -> !list.isEmpty(), "the allowance request");

        switchTo(specialist);
        UI.getCurrent().navigate(RetentionCaseView.class, new RouteParameters(RetentionCaseView.CASE_ID,
                talent.caseId()));
        _click(actionOfFirstRequest("grant-" + requestId));
        @SuppressWarnings("unchecked")
        Select<AllowancePolicyView> policy = _get(Select.class, spec -> spec.withId("grant-policy"));
        _setValue(policy, policy.getListDataView().getItems().filter(p -> p.policyId().equals(policyId))
                .findFirst().orElseThrow());
        _setValue(_get(Select.class, spec -> spec.withId("grant-allowance-type")), AllowanceType.LIVING);
        IntegerField amount = _get(IntegerField.class, spec -> spec.withId("grant-amount"));
        assertThat(amount.getHelperText()).contains("上限每月 1,500 元");
        _setValue(amount, 3000);
        _setValue(_get(DatePicker.class, spec -> spec.withId("grant-until")), LocalDate.now(clock).plusYears(2));
        _click(_get(Button.class, spec -> spec.withId("grant-confirm")));

        String reason = "生活补贴每月 3,000 元，超过签约时适用的政策“" + policyName + "”第 1 版上限 1,500 元";
        NotificationsKt.expectNotifications(reason);
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo(reason);
        assertThat(amount.getValue()).as("what the specialist typed stays").isEqualTo(3000);
        assertThat(requests(talent.caseId())).singleElement().extracting(ServiceRequestView::status)
                .isEqualTo(ServiceRequestStatus.OPEN);
        _click(_get(Button.class, spec -> spec.withId("answer-cancel")));

        // refused instead, which takes a reason
        _click(actionOfFirstRequest("refuse-" + requestId));
        TextArea refusal = _get(TextArea.class, spec -> spec.withId("refuse-reason"));
        _click(_get(Button.class, spec -> spec.withId("refuse-confirm")));
        assertThat(refusal.isInvalid()).isTrue();
        assertThat(refusal.getErrorMessage()).isEqualTo("请填写不予办理原因");
        _setValue(refusal, "已在原单位享受同类补贴");
        _click(_get(Button.class, spec -> spec.withId("refuse-confirm")));
        NotificationsKt.expectNotifications("已答复吴迪的津补贴申请");
        assertThat(statusText(requestsGrid("case-requests"))).isEqualTo("不予办理 · 原因：已在原单位享受同类补贴");
    }

    @Test
    void a_follow_up_visit_is_recorded_with_its_problems() {
        Placed talent = talents().placed("郑好");
        UserAccount specialist = talents().specialist("陈专员");
        talents().assign(talent, specialist);
        switchTo(specialist);
        UI.getCurrent().navigate(RetentionCaseView.class, new RouteParameters(RetentionCaseView.CASE_ID,
                talent.caseId()));
        _click(_get(Button.class, spec -> spec.withId("visit-record")));
        assertThat(_get(TextArea.class, spec -> spec.withId("visit-notes")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("visit-notes")), "到校走访，教学适应良好");
        _setValue(_get(TextArea.class, spec -> spec.withId("visit-problems")), "通勤不便\n\n子女入学咨询\n");
        _click(_get(Button.class, spec -> spec.withId("visit-record")));
        NotificationsKt.expectNotifications("已记录对郑好的走访");
        @SuppressWarnings("unchecked")
        Grid<FollowUpVisitView> visits = _get(Grid.class, spec -> spec.withId("case-visits"));
        assertThat(GridKt._size(visits)).isEqualTo(1);
        assertThat(GridKt._get(visits, 0).problemsRaised()).containsExactly("通勤不便", "子女入学咨询");
        assertThat(_get(TextArea.class, spec -> spec.withId("visit-notes")).getValue()).isEmpty();
    }

    @Test
    void before_placement_the_services_page_says_services_start_after_placement_and_only_candidates_open_it() {
        var offered = talents().offered("冯远");
        switchTo(offered.candidate());
        UI.getCurrent().navigate(MyServicesView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("services-after-placement")).getText())
                .startsWith("人才公寓、津补贴、子女入学、人才服务卡等服务在签约到岗后开始办理");
        _assertNone(Button.class, spec -> spec.withId("service-submit"));
        assertThatThrownBy(() -> UI.getCurrent().navigate(CaseloadView.class))
                .isInstanceOf(MockAccessDeniedException.class);

        switchTo(talents().specialist("陈专员"));
        assertThatThrownBy(() -> UI.getCurrent().navigate(MyServicesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        switchTo(account(accounts, "recruiter", Role.RECRUITER, "王老师", null, null));
        assertThatThrownBy(() -> UI.getCurrent().navigate(CaseloadView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    /** Signs in from the home page, which anyone may open: the page shown before may be closed to the next user. */
    private void switchTo(UserAccount account) {
        UI.getCurrent().navigate(HomeView.class);
        signIn(account);
    }

    /** A button in the first request's actions: grid cells are not part of the component tree. */
    private static Button actionOfFirstRequest(String id) {
        return _get(GridKt._getCellComponent(requestsGrid("case-requests"), 0, "actions"), Button.class,
                spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ServiceRequestView> requestsGrid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static String statusText(Grid<ServiceRequestView> grid) {
        return ((Span) GridKt._getCellComponent(grid, 0, "status")).getText();
    }

    private List<ServiceRequestView> requests(String caseId) {
        return queries.query(new FindServiceRequests(caseId),
                ResponseTypes.multipleInstancesOf(ServiceRequestView.class)).join();
    }
}
