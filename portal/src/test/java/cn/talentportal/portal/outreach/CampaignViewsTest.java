package cn.talentportal.portal.outreach;

import cn.talentportal.domain.outreach.OutreachCommands.RecordOutreachContact;
import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.portal.account.UserAccount;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import cn.talentportal.portal.view.ViewTestBase;
import cn.talentportal.projections.outreach.CampaignView;
import cn.talentportal.projections.outreach.RegisterEntryView;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignViewsTest extends ViewTestBase {

    @Autowired Commands commands;
    @Autowired UserAccounts accounts;
    @Autowired QueryGateway queries;

    @Test
    @SuppressWarnings("unchecked")
    void a_campaign_shows_and_offers_only_natives_who_consented_and_records_a_response() {
        UserAccount recruiter = account(accounts, "outreach", Role.RECRUITER, "周老师", UUID.randomUUID().toString(),
                null);
        actAs(recruiter);
        Returnees returnees = new Returnees(commands, queries);
        returnees.add("吴敏", "医疗", true, Returnees.uniquePhone());
        returnees.add("吴刚", "医疗", true, null);
        String notConsenting = returnees.add("吴丽", "教育", false, Returnees.uniquePhone());
        returnees.awaitListed(3);
        signIn(recruiter);

        UI.getCurrent().navigate(CampaignsView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "春节返乡座谈");
        _setValue(_get(Select.class, spec -> spec.withId("campaign-channel")), OutreachChannel.HOMETOWN_EVENT);
        _setValue(_get(TextArea.class, spec -> spec.withId("campaign-message")), "欢迎回乡发展");
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("campaign-target-county")),
                returnees.county);
        assertThat(figure("campaign-target-entries")).isEqualTo("3");
        assertThat(figure("campaign-target-consenting")).isEqualTo("2");
        assertThat(figure("campaign-target-excluded")).isEqualTo("1");
        _click(_get(Button.class, spec -> spec.withId("campaign-launch")));
        expectNotifications("已发起活动“春节返乡座谈”");

        // the launch opened the campaign's own page
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(CampaignDetailView.class);
        assertThat(figure("campaign-target-excluded")).isEqualTo("1");
        ComboBox<RegisterEntryView> entry = _get(ComboBox.class, spec -> spec.withId("contact-entry"));
        assertThat(ComboBoxKt.getSuggestionItems(entry)).extracting(RegisterEntryView::fullName)
                .containsExactlyInAnyOrder("吴敏", "吴刚");
        _setValue(entry, ComboBoxKt.getSuggestionItems(entry).stream().filter(e -> e.fullName().equals("吴敏"))
                .findFirst().orElseThrow());
        _setValue(_get(Select.class, spec -> spec.withId("contact-response")), OutreachResponse.INTERESTED);
        _setValue(_get(TextArea.class, spec -> spec.withId("contact-notes")), "想了解县医院岗位");
        _click(_get(Button.class, spec -> spec.withId("contact-record")));
        expectNotifications("已记录对吴敏的联络：有意向");
        assertThat(figure("campaign-response-INTERESTED")).isEqualTo("1");
        Grid<CampaignView.Contact> contacts = _get(Grid.class, spec -> spec.withId("campaign-contacts"));
        assertThat(GridKt._size(contacts)).isEqualTo(1);
        assertThat(GridKt._getFormatted(contacts, 0, "response")).isEqualTo("有意向");

        // and the register entry itself refuses a contact without consent, whatever a page offers
        String campaignId = currentCampaignId();
        assertThatThrownBy(() -> commands.send(new RecordOutreachContact(campaignId, notConsenting,
                OutreachResponse.INTERESTED, null)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("outreach.contact.noConsent"));

        _setValue(_get(TextArea.class, spec -> spec.withId("campaign-summary-input")), "一人有意向");
        _click(_get(Button.class, spec -> spec.withId("campaign-close")));
        expectNotifications("活动“春节返乡座谈”已结束");
        assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-summary")).getText())
                .isEqualTo("活动总结：一人有意向");
    }

    @Test
    void an_unknown_campaign_is_said_to_be_not_found() {
        signIn(account(accounts, "outreach", Role.RECRUITER, "周老师", UUID.randomUUID().toString(), null));
        UI.getCurrent().navigate(CampaignDetailView.class, new RouteParameters("campaignId", "no-such-campaign"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-not-found")).getText())
                .isEqualTo("找不到这个联络活动");
    }

    private static String currentCampaignId() {
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String figure(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
