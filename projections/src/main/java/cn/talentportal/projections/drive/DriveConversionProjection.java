package cn.talentportal.projections.drive;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveCancelled;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversion;
import cn.talentportal.projections.drive.DriveQueries.FindDriveConversions;
import cn.talentportal.projections.shared.BatchedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.date;
import static cn.talentportal.projections.shared.MongoDocuments.enumValue;
import static cn.talentportal.projections.shared.MongoDocuments.instant;

/**
 * Each drive's conversion: of the candidates who came to the office through it (their registration channel names
 * the drive), how many applied, were interviewed, signed, and were still in post at one year. The later steps name
 * only the candidate, so each candidate has a document of flags keyed by the candidate id (no read needed while
 * handling; $set is idempotent); the drive's funnel is counted over those documents when queried. Flags hold no
 * personal data.
 */
@Component
@RebuildableReadModel
@ProcessingGroup("drive-conversion")
public class DriveConversionProjection {

    public static final String DRIVES = "drive_conversion_drives";
    public static final String CANDIDATES = "drive_conversion_candidates";
    private static final Set<CandidateSource> DRIVE_CHANNELS =
            EnumSet.of(CandidateSource.CAMPUS_DRIVE, CandidateSource.ONLINE_JOB_FAIR, CandidateSource.LIVESTREAM);

    private final MongoCollection<Document> drives;
    private final MongoCollection<Document> candidates;

    public DriveConversionProjection(MongoDatabase database) {
        this.drives = database.getCollection(DRIVES);
        this.candidates = database.getCollection(CANDIDATES);
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        drives.deleteMany(new Document());
        candidates.deleteMany(new Document());
    }

    @EventHandler
    void on(DrivePlanned event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.combine(
                Updates.set("kind", event.kind().name()),
                Updates.set("title", event.driveTitle()),
                Updates.set("startsAt", date(event.startsAt())),
                Updates.set("status", "PLANNED")));
    }

    /** Registrations at the drive, of new and of existing candidates: a set, so counted once each. */
    @EventHandler
    void on(CandidateRegisteredForDrive event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.addToSet("registrations", event.candidateId()));
    }

    @EventHandler
    void on(DriveHeld event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.combine(Updates.set("status", "HELD"),
                Updates.set("attendance", event.attendance())));
    }

    @EventHandler
    void on(DriveCancelled event) {
        BatchedWrites.upsert(drives, event.driveId(), Updates.set("status", "CANCELLED"));
    }

    /** Only candidates whose channel is a drive get a document: the others are never counted. */
    @EventHandler
    void on(CandidateRegistered event) {
        if (event.channel() != null && DRIVE_CHANNELS.contains(event.channel().source())
                && event.channel().reference() != null) {
            BatchedWrites.upsert(candidates, event.candidateId(), Updates.set("driveId", event.channel().reference()));
        }
    }

    // The steps below update the candidate's document only if it exists (no upsert): a candidate who came another
    // way has none, and an update that matches nothing costs one lookup by id.

    @EventHandler
    void on(ApplicationSubmitted event) {
        flag(event.candidateId(), "applied");
    }

    @EventHandler
    void on(InterviewHeld event) {
        flag(event.candidateId(), "interviewed");
    }

    @EventHandler
    void on(ContractSigned event) {
        flag(event.candidateId(), "signed");
    }

    @EventHandler
    void on(RetentionMilestoneReached event) {
        if (event.years() == 1) {
            flag(event.candidateId(), "inPostAtOneYear");
        }
    }

    @EventHandler
    void on(TalentDeparted event) {
        flag(event.candidateId(), "departed");
    }

    private void flag(String candidateId, String step) {
        BatchedWrites.update(candidates, Filters.eq("_id", candidateId), Updates.set(step, true));
    }

    @QueryHandler
    public Optional<DriveConversion> handle(FindDriveConversion query) {
        return Optional.ofNullable(drives.find(Filters.eq("_id", query.driveId())).first())
                .map(drive -> conversion(drive, candidates.find(Filters.eq("driveId", query.driveId()))
                        .into(new ArrayList<>())));
    }

    /** Every drive, latest first, each with its funnel. */
    @QueryHandler
    public List<DriveConversion> handle(FindDriveConversions query) {
        Map<String, List<Document>> byDrive = candidates.find(Filters.exists("driveId")).into(new ArrayList<>())
                .stream().collect(Collectors.groupingBy(d -> d.getString("driveId")));
        return drives.find().sort(Sorts.descending("startsAt")).into(new ArrayList<>()).stream()
                .map(drive -> conversion(drive, byDrive.getOrDefault(drive.getString("_id"), List.of())))
                .toList();
    }

    private static DriveConversion conversion(Document drive, List<Document> came) {
        return new DriveConversion(drive.getString("_id"), drive.getString("title"),
                enumValue(DriveKind.class, drive, "kind"), instant(drive, "startsAt"), drive.getString("status"),
                drive.getList("registrations", String.class, List.of()).size(), drive.getInteger("attendance"),
                came.size(), count(came, "applied"), count(came, "interviewed"), count(came, "signed"),
                count(came, "inPostAtOneYear"));
    }

    private static int count(List<Document> candidates, String step) {
        return (int) candidates.stream().filter(d -> d.getBoolean(step, false)).count();
    }
}
