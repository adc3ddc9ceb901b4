package cn.talentportal.domain.drive;

import cn.talentportal.domain.candidate.Candidate;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationClaims;
import cn.talentportal.domain.drive.DriveCommands.RegisterAtDrive;
import cn.talentportal.domain.shared.Require;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * A person who registers at a campus drive, an online job fair or a livestream becomes a candidate whose channel
 * is that drive, and the drive counts the registration: both in one unit of work, so a refused registration
 * (duplicate, drive cancelled or over) stores nothing on either.
 */
public class DriveRegistrationHandler {

    private final Repository<RecruitmentDrive> drives;
    private final Repository<Candidate> candidates;
    private final RegistrationClaims claims;
    private final Clock clock;

    public DriveRegistrationHandler(Repository<RecruitmentDrive> drives, Repository<Candidate> candidates,
                                    RegistrationClaims claims, Clock clock) {
        this.drives = drives;
        this.candidates = candidates;
        this.claims = claims;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(RegisterAtDrive command) throws Exception {
        Require.text(command.driveId(), "drive.id", 64);
        String fullName = Require.text(command.fullName(), "candidate.fullName", 50);
        DriveRegistration drive = drives.load(command.driveId()).invoke(d ->
                d.registerCandidate(command.candidateId(), fullName, clock.instant()));
        RegisterCandidate registration = new RegisterCandidate(command.candidateId(), fullName, command.phone(),
                command.email(), command.idNumber(), command.profile(),
                new RegistrationChannel(sourceOf(drive.kind()), drive.driveId(), drive.title()), command.consent());
        candidates.newInstance(() -> new Candidate(registration, claims));
    }

    static CandidateSource sourceOf(DriveKind kind) {
        return switch (kind) {
            case CAMPUS_RECRUITMENT -> CandidateSource.CAMPUS_DRIVE;
            case ONLINE_JOB_FAIR -> CandidateSource.ONLINE_JOB_FAIR;
            case LIVESTREAM -> CandidateSource.LIVESTREAM;
        };
    }
}
