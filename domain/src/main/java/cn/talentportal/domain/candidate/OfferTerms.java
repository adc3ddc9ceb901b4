package cn.talentportal.domain.candidate;

import cn.talentportal.domain.shared.DomainRuleViolation;
import cn.talentportal.domain.shared.Require;
import java.time.LocalDate;

/** What an employer offers: the post, the monthly salary in yuan, when to start and until when to answer. */
public record OfferTerms(String post, int monthlySalary, LocalDate proposedStartDate, LocalDate respondBy) {

    public OfferTerms {
        post = Require.text(post, "offer.post", 80);
        Require.present(proposedStartDate, "offer.proposedStartDate");
        Require.present(respondBy, "offer.respondBy");
        if (monthlySalary <= 0) {
            throw new DomainRuleViolation("offer.salary.notPositive");
        }
        if (respondBy.isAfter(proposedStartDate)) {
            throw new DomainRuleViolation("offer.respondBy.afterStart", respondBy, proposedStartDate);
        }
    }
}
