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
import cn.talentportal.projections.outreach.OutreachQueries.CountCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.CountRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaign;
import cn.talentportal.projections.outreach.OutreachQueries.FindCampaigns;
import cn.talentportal.projections.outreach.OutreachQueries.FindProfessionalFields;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntries;
import cn.talentportal.projections.outreach.OutreachQueries.FindRegisterEntry;
import cn.talentportal.projections.outreach.OutreachQueries.FindTargetGroup;
import cn.talentportal.projections.outreach.OutreachQueries.RegisterFilter;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;

/**
 * The returnee register and the outreach campaigns, for recruiters' lists. Idempotent without reading first: an
 * entry's and a campaign's first event only fills an absent document ($setOnInsert); later changes of an entry
 * apply only over an older one (its aggregate sequence is kept and compared), so a redelivered consent cannot undo
 * a later withdrawal; a contact is stored with its campaign sequence in a set ($addToSet), so a replay adds none.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("outreach")
public class OutreachProjection {

    public static final String ENTRIES = "outreach_register";
    public static final String CAMPAIGNS = "outreach_campaigns";
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SEQUENCE = "sequence";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> campaigns;

    public OutreachProjection(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.campaigns = database.getCollection(CAMPAIGNS);
        // the filters of the register's list, and its order for paging; launched order for the campaigns
        entries.createIndex(Indexes.ascending("hometownCounty", "contactConsent", "fullName"));
        entries.createIndex(Indexes.ascending("fullName", "_id"));
        campaigns.createIndex(Indexes.descending("launchedAt"));
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        entries.deleteMany(new Document());
        campaigns.deleteMany(new Document());
    }

    @EventHandler
    void on(NativeAddedToRegister event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedWrites.upsert(entries, event.entryId(), Updates.combine(
                Updates.setOnInsert("fullName", event.fullName()),
                Updates.setOnInsert("hometownCounty", event.hometownCounty()),
                Updates.setOnInsert("currentCity", event.currentCity()),
                Updates.setOnInsert("currentEmployer", event.currentEmployer()),
                Updates.setOnInsert("professionalField", event.professionalField()),
                Updates.setOnInsert("maskedPhone", event.phone() == null ? null : event.phone().masked()),
                Updates.setOnInsert("maskedEmail", event.email() == null ? null : event.email().toString()),
                Updates.setOnInsert("contactConsent", event.contactConsent()),
                Updates.setOnInsert("addedOn", isoDate(LocalDate.ofInstant(at, OFFICE_ZONE))),
                Updates.setOnInsert(SEQUENCE, sequence)));
    }

    @EventHandler
    void on(ContactConsentGiven event, @SequenceNumber long sequence) {
        changeEntry(event.entryId(), sequence, Updates.set("contactConsent", true));
    }

    @EventHandler
    void on(ContactConsentWithdrawn event, @SequenceNumber long sequence) {
        changeEntry(event.entryId(), sequence, Updates.set("contactConsent", false));
    }

    @EventHandler
    void on(RegisterEntryUpdated event, @SequenceNumber long sequence) {
        changeEntry(event.entryId(), sequence, Updates.combine(
                Updates.set("currentCity", event.currentCity()),
                Updates.set("currentEmployer", event.currentEmployer()),
                Updates.set("professionalField", event.professionalField())));
    }

    @EventHandler
    void on(ReturneeConvertedToCandidate event, @SequenceNumber long sequence) {
        changeEntry(event.entryId(), sequence, Updates.set("candidateId", event.candidateId()));
    }

    /** The entry's document exists (its first event came before, in order): changed only by a newer event. */
    private void changeEntry(String entryId, long sequence, Bson change) {
        BatchedWrites.update(entries, Filters.and(Filters.eq("_id", entryId), Filters.lt(SEQUENCE, sequence)),
                Updates.combine(change, Updates.set(SEQUENCE, sequence)));
    }

    @EventHandler
    void on(CampaignLaunched event, @Timestamp Instant at) {
        BatchedWrites.upsert(campaigns, event.campaignId(), Updates.combine(
                Updates.setOnInsert("name", event.name()),
                Updates.setOnInsert("channel", event.channel().name()),
                Updates.setOnInsert("message", event.message()),
                Updates.setOnInsert("targetHometownCounty", event.targetHometownCounty()),
                Updates.setOnInsert("endsOn", isoDate(event.endsOn())),
                Updates.setOnInsert("launchedAt", date(at)),
                Updates.setOnInsert("closed", false)));
    }

    @EventHandler
    void on(ReturneeContacted event, @SequenceNumber long sequence) {
        BatchedWrites.upsert(campaigns, event.campaignId(), Updates.addToSet("contacts",
                new Document(SEQUENCE, sequence)
                        .append("entryId", event.entryId())
                        .append("fullName", event.fullName())
                        .append("response", event.response().name())
                        .append("notes", event.notes())));
    }

    @EventHandler
    void on(CampaignClosed event) {
        BatchedWrites.upsert(campaigns, event.campaignId(), Updates.combine(
                Updates.set("closed", true),
                Updates.set("summary", event.summary())));
    }

    @QueryHandler
    public List<RegisterEntryView> handle(FindRegisterEntries query) {
        return entries.find(filter(query.filter()))
                .sort(Sorts.ascending("fullName", "_id"))
                .skip(Math.max(0, query.offset()))
                .limit(Math.max(0, query.limit()))
                .map(OutreachProjection::entry)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountRegisterEntries query) {
        return entries.countDocuments(filter(query.filter()));
    }

    @QueryHandler
    public Optional<RegisterEntryView> handle(FindRegisterEntry query) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", query.entryId())).first())
                .map(OutreachProjection::entry);
    }

    @QueryHandler
    public List<String> handle(FindProfessionalFields query) {
        TreeSet<String> fields = new TreeSet<>();
        entries.distinct("professionalField", String.class).forEach(field -> {
            if (field != null) {
                fields.add(field);
            }
        });
        return List.copyOf(fields);
    }

    @QueryHandler
    public TargetGroup handle(FindTargetGroup query) {
        Bson county = query.hometownCounty() == null ? new Document()
                : Filters.eq("hometownCounty", query.hometownCounty());
        long all = entries.countDocuments(county);
        long consenting = entries.countDocuments(Filters.and(county, Filters.eq("contactConsent", true)));
        return new TargetGroup(query.hometownCounty(), (int) all, (int) consenting);
    }

    @QueryHandler
    public List<CampaignView> handle(FindCampaigns query) {
        return campaigns.find()
                .sort(Sorts.orderBy(Sorts.descending("launchedAt"), Sorts.ascending("_id")))
                .skip(Math.max(0, query.offset()))
                .limit(Math.max(0, query.limit()))
                .map(OutreachProjection::campaign)
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountCampaigns query) {
        return campaigns.countDocuments();
    }

    @QueryHandler
    public Optional<CampaignView> handle(FindCampaign query) {
        return Optional.ofNullable(campaigns.find(Filters.eq("_id", query.campaignId())).first())
                .map(OutreachProjection::campaign);
    }

    private static Bson filter(RegisterFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.hometownCounty() != null) {
            conditions.add(Filters.eq("hometownCounty", filter.hometownCounty()));
        }
        if (filter.professionalField() != null) {
            conditions.add(Filters.eq("professionalField", filter.professionalField()));
        }
        if (filter.contactConsent() != null) {
            conditions.add(Filters.eq("contactConsent", filter.contactConsent()));
        }
        if (filter.namePrefix() != null && !filter.namePrefix().isBlank()) {
            conditions.add(Filters.regex("fullName", "^" + Pattern.quote(filter.namePrefix().strip())));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    static RegisterEntryView entry(Document d) {
        return new RegisterEntryView(d.getString("_id"), d.getString("fullName"), d.getString("hometownCounty"),
                d.getString("currentCity"), d.getString("currentEmployer"), d.getString("professionalField"),
                d.getString("maskedPhone"), d.getString("maskedEmail"), d.getBoolean("contactConsent", false),
                d.getString("candidateId"), localDate(d, "addedOn"));
    }

    static CampaignView campaign(Document d) {
        List<CampaignView.Contact> contacts = d.getList("contacts", Document.class, List.of()).stream()
                .map(c -> new CampaignView.Contact(((Number) c.get(SEQUENCE)).longValue(), c.getString("entryId"),
                        c.getString("fullName"), enumValue(OutreachResponse.class, c, "response"),
                        c.getString("notes")))
                .sorted(Comparator.comparingLong(CampaignView.Contact::sequence))
                .toList();
        Instant launchedAt = instant(d, "launchedAt");
        return new CampaignView(d.getString("_id"), d.getString("name"),
                enumValue(OutreachChannel.class, d, "channel"), d.getString("message"),
                d.getString("targetHometownCounty"), localDate(d, "endsOn"),
                launchedAt == null ? null : LocalDate.ofInstant(launchedAt, OFFICE_ZONE),
                d.getBoolean("closed", false), d.getString("summary"), contacts);
    }
}
