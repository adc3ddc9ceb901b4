package cn.talentportal.projections.opening;

import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.opening.OpeningQueries.FindOpening;
import cn.talentportal.projections.opening.OpeningQueries.FindOpeningsOfEmployer;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;
import static cn.talentportal.projections.shared.MongoDocuments.isoDate;
import static cn.talentportal.projections.shared.MongoDocuments.localDate;
import static cn.talentportal.projections.shared.MongoDocuments.name;

/** Every opening with its status, for recruiters' lists and the opening page. */
@Component
@RebuildableReadModel
@ProcessingGroup("openings")
public class OpeningProjection {

    private final MongoCollection<Document> openings;

    public OpeningProjection(MongoDatabase database) {
        this.openings = database.getCollection("openings");
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        openings.deleteMany(new Document());
    }

    @EventHandler
    void on(OpeningDrafted event) {
        BatchedWrites.replace(openings, event.openingId(),
                document(event.employerUnitId(), event.employerName(), event.details())
                        .append("status", OpeningStatus.DRAFT.name()));
    }

    @EventHandler
    void on(OpeningPublished event, @Timestamp Instant publishedAt) {
        BatchedWrites.replace(openings, event.openingId(),
                document(event.employerUnitId(), event.employerName(), event.details())
                        .append("status", OpeningStatus.PUBLISHED.name())
                        .append("publishedAt", date(publishedAt)));
    }

    /** New content; status and publication time stay as they were. */
    @EventHandler
    void on(OpeningEdited event) {
        BatchedWrites.update(openings, Filters.eq("_id", event.openingId()),
                new Document("$set", document(event.employerUnitId(), event.employerName(), event.details())));
    }

    @EventHandler
    void on(OpeningPaused event) {
        setStatus(event.openingId(), OpeningStatus.PAUSED);
    }

    @EventHandler
    void on(OpeningResumed event) {
        BatchedWrites.update(openings, Filters.eq("_id", event.openingId()),
                new Document("$set", document(event.employerUnitId(), event.employerName(), event.details())
                        .append("status", OpeningStatus.PUBLISHED.name())));
    }

    @EventHandler
    void on(OpeningFilled event) {
        setStatus(event.openingId(), OpeningStatus.FILLED);
    }

    @EventHandler
    void on(OpeningClosed event) {
        setStatus(event.openingId(), OpeningStatus.CLOSED);
    }

    private void setStatus(String openingId, OpeningStatus status) {
        BatchedWrites.update(openings, Filters.eq("_id", openingId), Updates.set("status", status.name()));
    }

    @QueryHandler
    public Optional<OpeningView> handle(FindOpening query) {
        return Optional.ofNullable(openings.find(Filters.eq("_id", query.openingId())).first())
                .map(OpeningProjection::view);
    }

    @QueryHandler
    public List<OpeningView> handle(FindOpeningsOfEmployer query) {
        return openings.find(Filters.eq("employerUnitId", query.employerUnitId()))
                .sort(Sorts.ascending("title"))
                .map(OpeningProjection::view)
                .into(new ArrayList<>());
    }

    private static Document document(String employerUnitId, String employerName, OpeningDetails details) {
        return new Document("employerUnitId", employerUnitId)
                .append("employerName", employerName)
                .append("title", details.title())
                .append("description", details.description())
                .append("sector", name(details.sector()))
                .append("county", details.county())
                .append("education", name(details.educationRequired()))
                .append("major", details.majorRequired())
                .append("salaryMin", details.salaryMin())
                .append("salaryMax", details.salaryMax())
                .append("headcount", details.headcount())
                .append("categories", details.categories().stream().map(Enum::name).sorted().toList())
                .append("deadline", isoDate(details.applicationDeadline()));
    }

    private static OpeningView view(Document d) {
        Set<TalentCategory> categories = d.getList("categories", String.class, List.of()).stream()
                .map(TalentCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TalentCategory.class)));
        OpeningDetails details = new OpeningDetails(d.getString("title"), d.getString("description"),
                enumValue(Sector.class, d, "sector"), d.getString("county"),
                enumValue(Education.class, d, "education"), d.getString("major"), d.getInteger("salaryMin"),
                d.getInteger("salaryMax"), d.getInteger("headcount", 0), categories, localDate(d, "deadline"));
        return new OpeningView(d.getString("_id"), d.getString("employerUnitId"), d.getString("employerName"),
                details, enumValue(OpeningStatus.class, d, "status"), instant(d, "publishedAt"));
    }
}
