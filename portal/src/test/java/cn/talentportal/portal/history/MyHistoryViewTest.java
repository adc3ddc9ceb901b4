package cn.talentportal.portal.history;

import cn.talentportal.portal.TestClock;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.jobs.SelfServiceFixtures;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Candidate;
import cn.talentportal.portal.jobs.SelfServiceFixtures.Employer;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.shared.PortalFormats;
import cn.talentportal.portal.view.ViewTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyHistoryViewTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    Employer hospital;
    Candidate lin;
    Candidate wang;
    String linsOpening;
    String wangsOpening;

    @BeforeEach
    void twoCandidatesApply() {
        SelfServiceFixtures fixtures = new SelfServiceFixtures(commands, accounts, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        hospital = fixtures.hospital("河口镇中心卫生院" + suffix);
        linsOpening = "社区护士" + suffix;
        wangsOpening = "康复治疗师" + suffix;
        lin = fixtures.candidate("林晓" + suffix);
        wang = fixtures.candidate("王可" + suffix);
        String linsApplication = fixtures.apply(lin, fixtures.publishedOpening(hospital, linsOpening));
        fixtures.apply(wang, fixtures.publishedOpening(hospital, wangsOpening));
        fixtures.screenIn(hospital, lin, linsApplication);
    }

    @Test
    void a_candidate_reads_their_own_steps_newest_first_and_nobody_elses() {
        signIn(lin.account());
        UI.getCurrent().navigate(MyHistoryView.class);

        List<String> steps = steps();
        assertThat(steps).containsExactly(
                "您对" + hospital.name() + "岗位“" + linsOpening + "”的申请通过了初筛",
                "您申请了" + hospital.name() + "的岗位“" + linsOpening + "”",
                "您通过“自行注册”渠道注册成为求职者");
        String page = _get(Div.class, spec -> spec.withId("my-history")).getElement().getTextRecursively();
        assertThat(page).contains("由招聘专员办理")
                .doesNotContain(wangsOpening, wang.name(), hospital.recruiter().displayName(), lin.name());
        List<Div> days = _find(Div.class, spec -> spec.withClasses("portal-history-day"));
        assertThat(days).isNotEmpty();
        assertThat(days.getFirst().getElement().getAttribute("data-day"))
                .isEqualTo(LocalDate.now(PortalFormats.OFFICE_ZONE).toString());
    }

    @Test
    void the_other_candidate_sees_only_their_own_application_in_english() {
        signIn(wang.account());
        inEnglish();
        UI.getCurrent().navigate(MyHistoryView.class);

        assertThat(steps()).containsExactly(
                "You applied for " + wangsOpening + " at " + hospital.name(),
                "You registered as a candidate (channel: Self-registration)");
        assertThat(_get(Div.class, spec -> spec.withId("my-history")).getElement().getTextRecursively())
                .doesNotContain(linsOpening, lin.name());
    }

    private static List<String> steps() {
        return _find(Div.class, spec -> spec.withClasses("portal-history-entry")).stream()
                .map(entry -> entry.getChildren().skip(1).findFirst().orElseThrow().getElement().getText())
                .toList();
    }
}
