package cn.talentportal.projections.drive;

import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveCancelled;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveEvents.OpeningFeatured;
import cn.talentportal.domain.drive.DriveEvents.OpeningUnfeatured;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterRemoved;
import cn.talentportal.domain.shared.AuditMetaData;
import cn.talentportal.projections.drive.DriveQueries.CountDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.CountDrivesOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveOfUnit;
import cn.talentportal.projections.drive.DriveQueries.FindDriveRegistrations;
import cn.talentportal.projections.drive.DriveQueries.FindDrivesOfUnit;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/**
 * Drives with their featured openings and registrations, for the unit that organises them. A drive belongs to the
 * employer unit its planner recruited for when planning it (decision 0022): the planner is the event's acting user,
 * and each recruiter's assignments and removals are kept here with their times, so which unit a drive belongs to is
 * worked out when queried and no handler reads what another wrote. Registrations are one document each; every
 * write is a $set, $unset or $addToSet of values from the event, so a replayed event changes nothing twice.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("drive-registrations")
public class DriveRegistrationsProjection {

    public static final String DRIVES = "drive_registrations_drives";
    public static final String REGISTRATIONS = "drive_registrations_entries";
    public static final String RECRUITERS = "drive_registrations_recruiters";

    private final MongoCollection<Document> drives;
    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> recruiters;

    public DriveRegistrationsProjection(MongoDatabase database) {
        this.drives = database.getCollection(DRIVES);
        this.registrations = database.getCollection(REGISTRATIONS);
        this.recruiters = database.getCollection(RECRUITERS);
        // ignored by the embedded wire server, used by a real MongoDB
        drives.createIndex(Indexes.ascending("plannedBy", "plannedAt"));
        registrations.createIndex(Indexes.ascending("driveId", "registeredAt"));
        recruiters.createIndex(Indexes.ascending("assignments.unitId"));
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        drives.deleteMany(new Document());
        registrations.deleteMany(new Document());
        recruiters.deleteMany(new Document());
    }

    @EventHandler
    void on(RecruiterAssigned event, @Timestamp Instant at) {
        BatchedWrites.upsert(recruiters, event.recruiterUserId(), Updates.addToSet("assignments",
                new Document("unitId", event.employerUnitId()).append("at", date(at)).append("assigned", true)));
    }

    @EventHandler
    void on(RecruiterRemoved event, @Timestamp Instant at) {
        BatchedWrites.upsert(recruiters, event.recruiterUserId(), Updates.addToSet("assignments",
                new Document("unitId", event.employerUnitId()).append("at", date(at)).append("assigned", false)));
    }

    @EventHandler
    void on(DrivePlanned event, @MetaDataValue(AuditMetaData.USER_ID) String plannedBy, @Timestamp Instant at) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.combine(
                Updates.set("kind", event.kind().name()),
                Updates.set("title", event.driveTitle()),
                Updates.set("university", event.university()),
                Updates.set("venue", event.venue()),
                Updates.set("startsAt", date(event.startsAt())),
                Updates.set("endsAt", date(event.endsAt())),
                Updates.set("organiserName", event.organiserName()),
                Updates.set("plannedBy", plannedBy),
                Updates.set("plannedAt", date(at)),
                Updates.setOnInsert("status", "PLANNED")));
    }

    @EventHandler
    void on(OpeningFeatured event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.set("featured." + event.openingId(),
                new Document("title", event.openingTitle()).append("employerName", event.employerName())));
    }

    @EventHandler
    void on(OpeningUnfeatured event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.unset("featured." + event.openingId()));
    }

    @EventHandler
    void on(CandidateRegisteredForDrive event, @Timestamp Instant at) {
        BatchedWrites.upsert(registrations, event.driveId() + ":" + event.candidateId(), Updates.combine(
                Updates.set("driveId", event.driveId()),
                Updates.set("candidateId", event.candidateId()),
                Updates.set("candidateName", event.candidateName()),
                Updates.set("registeredAt", date(at))));
    }

    @EventHandler
    void on(DriveAttended event, @Timestamp Instant at) {
        BatchedWrites.upsert(registrations, event.driveId() + ":" + event.candidateId(), Updates.combine(
                Updates.set("attended", true),
                Updates.set("attendanceRecordedAt", date(at))));
    }

    @EventHandler
    void on(DriveHeld event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.combine(Updates.set("status", "HELD"),
                Updates.set("summary", event.summary())));
    }

    @EventHandler
    void on(DriveCancelled event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.combine(Updates.set("status", "CANCELLED"),
                Updates.set("cancelReason", event.reason())));
    }

    @QueryHandler
    public List<DriveSummary> handle(FindDrivesOfUnit query) {
        return drives.find(ofUnit(query.employerUnitId()))
                .sort(Sorts.descending("startsAt", "_id"))
                .skip(Math.max(0, query.offset()))
                .limit(Math.clamp(query.limit(), 1, 500))
                .into(new ArrayList<>()).stream()
                .map(this::summary)
                .toList();
    }

    @QueryHandler
    public Long handle(CountDrivesOfUnit query) {
        return drives.countDocuments(ofUnit(query.employerUnitId()));
    }

    @QueryHandler
    public Optional<DriveSummary> handle(FindDriveOfUnit query) {
        return Optional.ofNullable(drives.find(Filters.and(Filters.eq("_id", query.driveId()),
                ofUnit(query.employerUnitId()))).first()).map(this::summary);
    }

    @QueryHandler
    public List<DriveRegistrationEntry> handle(FindDriveRegistrations query) {
        return registrations.find(Filters.eq("driveId", query.driveId()))
                .sort(Sorts.ascending("registeredAt", "_id"))
                .skip(Math.max(0, query.offset()))
                .limit(Math.clamp(query.limit(), 1, 500))
                .map(d -> new DriveRegistrationEntry(d.getString("driveId"), d.getString("candidateId"),
                        d.getString("candidateName"), instant(d, "registeredAt"), d.getBoolean("attended", false),
                        instant(d, "attendanceRecordedAt")))
                .into(new ArrayList<>());
    }

    @QueryHandler
    public Long handle(CountDriveRegistrations query) {
        return registrations.countDocuments(Filters.eq("driveId", query.driveId()));
    }

    /**
     * Drives planned by a recruiter of the unit while they recruited for it: for each recruiter ever assigned to
     * the unit, the periods from an assignment to the next removal.
     */
    private Bson ofUnit(String unitId) {
        List<Bson> periods = new ArrayList<>();
        for (Document recruiter : recruiters.find(Filters.eq("assignments.unitId", unitId))) {
            List<Document> changes = recruiter.getList("assignments", Document.class, List.of()).stream()
                    .filter(a -> unitId.equals(a.getString("unitId")))
                    .sorted(Comparator.comparing(a -> a.getDate("at")))
                    .toList();
            Instant from = null;
            for (Document change : changes) {
                if (change.getBoolean("assigned")) {
                    from = from == null ? instant(change, "at") : from;
                } else if (from != null) {
                    periods.add(period(recruiter.getString("_id"), from, instant(change, "at")));
                    from = null;
                }
            }
            if (from != null) {
                periods.add(period(recruiter.getString("_id"), from, null));
            }
        }
        return periods.isEmpty() ? Filters.in("_id", List.of()) : Filters.or(periods);
    }

    private static Bson period(String recruiterUserId, Instant from, Instant until) {
        Bson planned = Filters.and(Filters.eq("plannedBy", recruiterUserId), Filters.gte("plannedAt", date(from)));
        return until == null ? planned : Filters.and(planned, Filters.lt("plannedAt", date(until)));
    }

    private DriveSummary summary(Document d) {
        String driveId = d.getString("_id");
        List<DriveSummary.FeaturedOpening> featured = new ArrayList<>();
        Document featuredById = d.get("featured", Document.class);
        if (featuredById != null) {
            featuredById.forEach((openingId, value) -> {
                Document opening = (Document) value;
                featured.add(new DriveSummary.FeaturedOpening(openingId, opening.getString("title"),
                        opening.getString("employerName")));
            });
        }
        return new DriveSummary(driveId, enumValue(DriveKind.class, d, "kind"), d.getString("title"),
                d.getString("university"), d.getString("venue"), instant(d, "startsAt"), instant(d, "endsAt"),
                d.getString("organiserName"), d.getString("status"), d.getString("summary"),
                d.getString("cancelReason"), List.copyOf(featured),
                registrations.countDocuments(Filters.eq("driveId", driveId)),
                registrations.countDocuments(Filters.and(Filters.eq("driveId", driveId),
                        Filters.eq("attended", true))));
    }
}
