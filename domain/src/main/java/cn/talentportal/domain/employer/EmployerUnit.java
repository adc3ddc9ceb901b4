package cn.talentportal.domain.employer;

import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A school, hospital, forestry station, cooperative, enterprise or government unit that recruits through the office. */
public class EmployerUnit {

    @AggregateIdentifier
    private String employerUnitId;
    private String name;
    private final Set<String> recruiterUserIds = new HashSet<>();

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
        if (recruiterUserIds.contains(command.recruiterUserId())) {
            throw new DomainRuleViolation("employer.recruiter.alreadyAssigned", recruiterName, name);
        }
        apply(new RecruiterAssigned(employerUnitId, name, command.recruiterUserId(), recruiterName));
    }

    @EventSourcingHandler
    void on(EmployerUnitCreated event) {
        employerUnitId = event.employerUnitId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(RecruiterAssigned event) {
        recruiterUserIds.add(event.recruiterUserId());
    }
}
