package cn.talentportal.portal.retention;

import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.CardLevel;
import cn.talentportal.projections.retention.AllowancePolicyView;
import java.time.LocalDate;

/** What a specialist types to answer a service request, bound to the answer form as they type. */
class ServiceAnswerDraft {

    String apartment;
    LocalDate moveIn;
    AllowancePolicyView policy;
    AllowanceType allowanceType;
    Integer monthlyAmount;
    LocalDate allowanceFrom;
    LocalDate allowanceUntil;
    String child;
    String school;
    String grade;
    String cardNumber;
    CardLevel cardLevel;
    String reason;
}
