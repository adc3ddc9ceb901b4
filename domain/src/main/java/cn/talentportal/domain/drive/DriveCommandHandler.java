package cn.talentportal.domain.drive;

import cn.talentportal.domain.drive.DriveCommands.FeatureOpening;
import cn.talentportal.domain.opening.Opening;
import cn.talentportal.domain.opening.Opening.OpeningTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Featuring involves two aggregates: the opening says whether and how it may be shown, the drive records it.
 * Both are loaded in the same unit of work, so a refusal by either stores nothing.
 */
public class DriveCommandHandler {

    private final Repository<Opening> openings;
    private final Repository<RecruitmentDrive> drives;

    public DriveCommandHandler(Repository<Opening> openings, Repository<RecruitmentDrive> drives) {
        this.openings = openings;
        this.drives = drives;
    }

    @CommandHandler
    public void handle(FeatureOpening command) {
        OpeningTerms opening = openings.load(command.openingId()).invoke(Opening::describeForFeaturing);
        drives.load(command.driveId()).execute(drive -> drive.feature(opening));
    }
}
