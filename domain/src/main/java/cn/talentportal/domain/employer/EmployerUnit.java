package cn.talentportal.domain.employer;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerCommands.RemoveRecruiter;
import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterRemoved;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A school, hospital, forestry station, cooperative, enterprise or government unit that recruits through the office. */
public class EmployerUnit {

    @AggregateIdentifier
    private String employerUnitId;
    private String name;
    /** Recruiter names by user id, so a removal names the recruiter as they were assigned. */
    private final Map<String, String> recruiterNames = new HashMap<>();

    protected EmployerUnit() {
        // for Axon
    }

    @CommandHandler
    public EmployerUnit(CreateEmployerUnit command) {
        String name = Require.text(command.name(), "employer.name", 100);
        Require.present(command.type(), "employer.type");
        Require.present(command.sector(), "employer.sector");
        String county = Require.text(command.county(), "employer.county", 50);
        apply(new EmployerUnitCreated(command.employerUnitId(), name, command.type(), county, command.sector()));
    }

    @CommandHandler
    public void handle(AssignRecruiter command) {
        String recruiterName = Require.text(command.recruiterName(), "recruiter.name", 50);
        Require.text(command.recruiterUserId(), "recruiter.userId", 64);
        if (recruiterNames.containsKey(command.recruiterUserId())) {
            throw new DomainRuleViolation("employer.recruiter.alreadyAssigned", recruiterName, name);
        }
        apply(new RecruiterAssigned(employerUnitId, name, command.recruiterUserId(), recruiterName));
    }

    @CommandHandler
    public void handle(RemoveRecruiter command) {
        String recruiterUserId = Require.text(command.recruiterUserId(), "recruiter.userId", 64);
        String reason = Require.text(command.reason(), "recruiter.removalReason", 500);
        String recruiterName = recruiterNames.get(recruiterUserId);
        if (recruiterName == null) {
            throw new DomainRuleViolation("employer.recruiter.notAssigned", recruiterUserId, name);
        }
        apply(new RecruiterRemoved(employerUnitId, name, recruiterUserId, recruiterName, reason));
    }

    @EventSourcingHandler
    void on(EmployerUnitCreated event) {
        employerUnitId = event.employerUnitId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(RecruiterAssigned event) {
        recruiterNames.put(event.recruiterUserId(), event.recruiterName());
    }

    @EventSourcingHandler
    void on(RecruiterRemoved event) {
        recruiterNames.remove(event.recruiterUserId());
    }
}
