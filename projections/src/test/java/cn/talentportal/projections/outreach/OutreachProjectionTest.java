package cn.talentportal.projections.outreach;

import cn.talentportal.domain.outreach.OutreachChannel;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignClosed;
import cn.talentportal.domain.outreach.OutreachEvents.CampaignLaunched;
import cn.talentportal.domain.outreach.OutreachEvents.ReturneeContacted;
import cn.talentportal.domain.outreach.OutreachResponse;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentGiven;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentWithdrawn;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.NativeAddedToRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.RegisterEntryUpdated;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.projections.outreach.OutreachQueries.CountCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaign;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.FindProfessionalFields;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindTargetGroup;
import cn.talentportal.projections.outreach.OutreachQueries.RegisterFilter;
import cn.talentportal.projections.testing.Collections;
import cn.talentportal.projections.testing.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutreachProjectionTest {

    static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final OutreachProjection projection = new OutreachProjection(mongo.database);
    private final List<Runnable> history = new ArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    private void happen(Runnable event) {
        event.run();
        history.add(event);
    }

    private void add(String entryId, String name, String county, String field, boolean consent) {
        happen(() -> projection.on(new NativeAddedToRegister(entryId, name, county, "深圳", "某科技公司", field,
                new PhoneNumber("13812345678"), new EmailAddress("zhang.san@example.cn"), consent), 0, AT));
    }

    private void registerOfFive() {
        add("e1", "张三", "青山镇", "医疗", true);
        add("e2", "李四", "青山镇", "教育", false);
        add("e3", "王五", "河口镇", "医疗", true);
        add("e4", "张小燕", "青山镇", "医疗", false);
        add("e5", "赵六", "青山镇", "林业", true);
        happen(() -> projection.on(new ContactConsentGiven("e4", "张小燕", "电话中同意"), 1));
        happen(() -> projection.on(new ContactConsentWithdrawn("e5", "赵六", null), 1));
        happen(() -> projection.on(new RegisterEntryUpdated("e2", "李四", "广州", "广州市第二中学", "教育"), 2));
        happen(() -> projection.on(new ReturneeConvertedToCandidate("e3", "c-e3", "王五"), 1));
    }

    private void campaignWithThreeContacts() {
        happen(() -> projection.on(new CampaignLaunched("k1", "春节返乡座谈", OutreachChannel.HOMETOWN_EVENT,
                "欢迎回乡发展", "青山镇", LocalDate.of(2027, 2, 28)), AT));
        happen(() -> projection.on(new ReturneeContacted("k1", "春节返乡座谈", "e1", "张三",
                OutreachChannel.HOMETOWN_EVENT, OutreachResponse.NO_ANSWER, null), 1));
        happen(() -> projection.on(new ReturneeContacted("k1", "春节返乡座谈", "e4", "张小燕",
                OutreachChannel.HOMETOWN_EVENT, OutreachResponse.INTERESTED, "想了解医院岗位"), 2));
        happen(() -> projection.on(new ReturneeContacted("k1", "春节返乡座谈", "e1", "张三",
                OutreachChannel.HOMETOWN_EVENT, OutreachResponse.PLANS_TO_RETURN, "明年回来"), 3));
        happen(() -> projection.on(new CampaignClosed("k1", "春节返乡座谈", "两人有意向", 3)));
    }

    @Test
    void the_register_is_filtered_paged_in_name_order_and_holds_contact_data_only_masked() {
        registerOfFive();

        List<RegisterEntryView> consenting = projection.handle(new FindRegisterEntries(
                new RegisterFilter("青山镇", null, true, null), 0, 10));
        assertThat(consenting).extracting(RegisterEntryView::entryId).containsExactlyInAnyOrder("e1", "e4");
        assertThat(projection.handle(new FindRegisterEntries(new RegisterFilter(null, "医疗", null, "张"), 0, 10)))
                .extracting(RegisterEntryView::entryId).containsExactlyInAnyOrder("e1", "e4");
        assertThat(projection.handle(new CountRegisterEntries(new RegisterFilter("青山镇", null, null, null))))
                .isEqualTo(4L);

        List<RegisterEntryView> all = projection.handle(new FindRegisterEntries(RegisterFilter.ALL, 0, 10));
        List<RegisterEntryView> pages = new ArrayList<>(projection.handle(
                new FindRegisterEntries(RegisterFilter.ALL, 0, 2)));
        pages.addAll(projection.handle(new FindRegisterEntries(RegisterFilter.ALL, 2, 2)));
        pages.addAll(projection.handle(new FindRegisterEntries(RegisterFilter.ALL, 4, 2)));
        assertThat(pages).isEqualTo(all).hasSize(5);

        RegisterEntryView lisi = all.stream().filter(e -> e.entryId().equals("e2")).findFirst().orElseThrow();
        assertThat(lisi.currentCity()).isEqualTo("广州");
        assertThat(lisi.currentEmployer()).isEqualTo("广州市第二中学");
        assertThat(lisi.maskedPhone()).isEqualTo("138****5678");
        assertThat(lisi.maskedEmail()).isEqualTo("z***@example.cn");
        assertThat(lisi.addedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(mongo.database.getCollection(OutreachProjection.ENTRIES).find().into(new ArrayList<>()))
                .allSatisfy(d -> assertThat(d.toJson()).doesNotContain("13812345678").doesNotContain("zhang.san"));
        assertThat(all.stream().filter(e -> e.entryId().equals("e3")).findFirst().orElseThrow().converted())
                .isTrue();
        assertThat(projection.handle(new FindProfessionalFields())).containsExactlyInAnyOrder("医疗", "教育", "林业");

        TargetGroup qingshan = projection.handle(new FindTargetGroup("青山镇"));
        assertThat(qingshan).isEqualTo(new TargetGroup("青山镇", 4, 2));
        assertThat(qingshan.excludedForLackOfConsent()).isEqualTo(2);
        assertThat(projection.handle(new FindTargetGroup(null))).isEqualTo(new TargetGroup(null, 5, 3));
    }

    @Test
    void a_campaign_keeps_its_contacts_in_order_counts_each_natives_latest_response_and_its_summary() {
        campaignWithThreeContacts();

        CampaignView campaign = projection.handle(new FindCampaign("k1")).orElseThrow();
        assertThat(campaign.closed()).isTrue();
        assertThat(campaign.summary()).isEqualTo("两人有意向");
        assertThat(campaign.launchedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(campaign.contacts()).extracting(CampaignView.Contact::response).containsExactly(
                OutreachResponse.NO_ANSWER, OutreachResponse.INTERESTED, OutreachResponse.PLANS_TO_RETURN);
        assertThat(campaign.contactedEntries()).isEqualTo(2);
        assertThat(campaign.latestResponses()).isEqualTo(Map.of(OutreachResponse.PLANS_TO_RETURN, 1,
                OutreachResponse.INTERESTED, 1));
        assertThat(projection.handle(new FindCampaigns(0, 10))).containsExactly(campaign);
        assertThat(projection.handle(new CountCampaigns())).isEqualTo(1L);
    }

    @Test
    void replaying_every_event_again_changes_nothing_and_a_late_consent_does_not_undo_a_withdrawal() {
        registerOfFive();
        campaignWithThreeContacts();
        Map<String, List<Document>> before = Collections.snapshot(mongo.database, OutreachProjection.ENTRIES,
                OutreachProjection.CAMPAIGNS);

        history.forEach(Runnable::run);
        projection.on(new ContactConsentGiven("e5", "赵六", "登记时同意"), 0); // redelivered, older than the withdrawal

        assertThat(Collections.snapshot(mongo.database, OutreachProjection.ENTRIES, OutreachProjection.CAMPAIGNS))
                .isEqualTo(before);
        assertThat(projection.handle(new FindTargetGroup("青山镇")).consenting()).isEqualTo(2);
    }

    @Test
    void a_rebuild_starts_from_an_empty_read_model() {
        registerOfFive();
        projection.clearForRebuild();
        assertThat(projection.handle(new CountRegisterEntries(RegisterFilter.ALL))).isZero();
        history.forEach(Runnable::run);
        assertThat(projection.handle(new CountRegisterEntries(RegisterFilter.ALL))).isEqualTo(5L);
    }
}
