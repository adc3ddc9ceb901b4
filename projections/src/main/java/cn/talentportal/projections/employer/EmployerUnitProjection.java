package cn.talentportal.projections.employer;

import cn.talentportal.domain.employer.EmployerEvents.EmployerUnitCreated;
import cn.talentportal.domain.employer.EmployerEvents.RecruiterAssigned;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.projections.employer.EmployerQueries.FindAllEmployerUnits;
import cn.talentportal.projections.employer.EmployerQueries.FindEmployerUnit;
import cn.talentportal.projections.employer.EmployerUnitView.Recruiter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import cn.talentportal.projections.shared.BatchedWrites;
import cn.talentportal.projections.shared.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static cn.talentportal.projections.shared.MongoDocuments.enumValue;

/** Employer units and their recruiters, for administrators and for recruiters' own unit. */
@Component
@RebuildableReadModel
@ProcessingGroup("employers")
public class EmployerUnitProjection {

    private final MongoCollection<Document> units;

    public EmployerUnitProjection(MongoDatabase database) {
        this.units = database.getCollection("employer_units");
    }

    /** Before a rebuild replays the whole store: this read model starts empty (its indexes stay). */
    @ResetHandler
    void clearForRebuild() {
        units.deleteMany(new Document());
    }

    @EventHandler
    void on(EmployerUnitCreated event) {
        BatchedWrites.replace(units, event.employerUnitId(), new Document("name", event.name())
                .append("type", event.type().name())
                .append("county", event.county())
                .append("sector", event.sector().name())
                .append("recruiters", new ArrayList<>()));
    }

    @EventHandler
    void on(RecruiterAssigned event) {
        Document recruiter = new Document("userId", event.recruiterUserId()).append("name", event.recruiterName());
        // $addToSet: a redelivered event adds nothing twice
        BatchedWrites.update(units, Filters.eq("_id", event.employerUnitId()),
                Updates.addToSet("recruiters", recruiter));
    }

    @QueryHandler
    public List<EmployerUnitView> handle(FindAllEmployerUnits query) {
        return units.find().sort(Sorts.ascending("name")).map(EmployerUnitProjection::view).into(new ArrayList<>());
    }

    @QueryHandler
    public Optional<EmployerUnitView> handle(FindEmployerUnit query) {
        return Optional.ofNullable(units.find(Filters.eq("_id", query.employerUnitId())).first())
                .map(EmployerUnitProjection::view);
    }

    private static EmployerUnitView view(Document document) {
        List<Recruiter> recruiters = document.getList("recruiters", Document.class, List.of()).stream()
                .map(r -> new Recruiter(r.getString("userId"), r.getString("name")))
                .toList();
        return new EmployerUnitView(document.getString("_id"), document.getString("name"),
                enumValue(EmployerType.class, document, "type"), document.getString("county"),
                enumValue(Sector.class, document, "sector"), recruiters);
    }
}
