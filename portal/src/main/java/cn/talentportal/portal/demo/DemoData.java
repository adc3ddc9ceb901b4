package cn.talentportal.portal.demo;

import cn.talentportal.domain.candidate.CandidateCommands.ApplyToOpening;
import cn.talentportal.domain.candidate.CandidateCommands.RegisterCandidate;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.candidate.RegistrationConsent;
import cn.talentportal.domain.employer.EmployerCommands.AssignRecruiter;
import cn.talentportal.domain.employer.EmployerCommands.CreateEmployerUnit;
import cn.talentportal.domain.employer.EmployerType;
import cn.talentportal.domain.opening.OpeningCommands.DraftOpening;
import cn.talentportal.domain.opening.OpeningCommands.PublishOpening;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.TalentCategory;
import cn.talentportal.domain.shared.Education;
import cn.talentportal.domain.shared.EmailAddress;
import cn.talentportal.domain.shared.PhoneNumber;
import cn.talentportal.domain.shared.Sector;
import cn.talentportal.portal.account.UserAccounts;
import cn.talentportal.portal.security.Role;
import cn.talentportal.portal.shared.Commands;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import static cn.talentportal.domain.candidate.ConsentPurpose.DATA_USE;
import static cn.talentportal.domain.candidate.ConsentPurpose.JOB_ALERT_MAIL;
import static cn.talentportal.domain.opening.TalentCategory.FLEXIBLE;
import static cn.talentportal.domain.opening.TalentCategory.GRADUATE;
import static cn.talentportal.domain.opening.TalentCategory.HIGH_LEVEL;
import static cn.talentportal.domain.opening.TalentCategory.RETURNEE_FRIENDLY;
import static cn.talentportal.domain.opening.TalentCategory.URGENTLY_NEEDED;

/**
 * A small district to try the portal with, seeded through the same commands people use, on the first start only
 * (no accounts yet). Switch off with {@code talent.demo.enabled=false}. Passwords are in the README.
 */
@Component
@ConditionalOnProperty(name = "talent.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String PASSWORD = "demo2026!";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Commands commands;
    private final UserAccounts accounts;

    public DemoData(Commands commands, UserAccounts accounts) {
        this.commands = commands;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        log.info("Seeding the demo district (first start, talent.demo.enabled=true)");
        accounts.create(id(), "admin", PASSWORD, Role.ADMIN, "系统管理员", null, null);
        accounts.setEmail("admin", "admin@example.cn");
        accounts.create(id(), "auditor", PASSWORD, Role.AUDITOR, "审计员 周敏", null, null);

        String school = unit("县第一中学", EmployerType.SCHOOL, "城关镇", Sector.EDUCATION, "recruiter", "王老师");
        String hospital = unit("县人民医院", EmployerType.HOSPITAL, "城关镇", Sector.HEALTH, "hospital", "刘主任");
        String forestry = unit("青山林业站", EmployerType.FORESTRY_STATION, "青山镇", Sector.FORESTRY, "forestry", "陈站长");
        String farm = unit("河口蔬菜专业合作社", EmployerType.AGRICULTURAL_COOPERATIVE, "河口镇", Sector.AGRICULTURE,
                "coop", "赵社长");
        String firm = unit("龙泉智能科技有限公司", EmployerType.ENTERPRISE, "龙泉镇", Sector.ENTERPRISE, "tech", "孙经理");

        LocalDate deadline = LocalDate.now().plusMonths(2);
        String maths = opening(school, "县第一中学", "高中数学教师", "负责高一年级数学教学，指导学生参加数学竞赛。", Sector.EDUCATION,
                "城关镇", Education.BACHELOR, "数学与应用数学", 5500, 7500, 2, Set.of(GRADUATE, URGENTLY_NEEDED), deadline);
        opening(school, "县第一中学", "英语教师", "承担初中部英语教学与英语角活动。", Sector.EDUCATION, "城关镇",
                Education.BACHELOR, "英语", 5000, 7000, 1, Set.of(GRADUATE, RETURNEE_FRIENDLY), deadline);
        String nurse = opening(hospital, "县人民医院", "急需护士", "负责住院部日常护理、输液与病情观察，需持护士执业证书。", Sector.HEALTH,
                "城关镇", Education.JUNIOR_COLLEGE, "护理学", 4500, 6500, 5, Set.of(URGENTLY_NEEDED), deadline);
        opening(hospital, "县人民医院", "护士长", "统筹外科病区护理管理，带教年轻护士。", Sector.HEALTH, "城关镇",
                Education.BACHELOR, "护理学", 7000, 9000, 1, Set.of(HIGH_LEVEL, RETURNEE_FRIENDLY), deadline);
        opening(hospital, "县人民医院", "全科医生", "乡镇卫生院轮岗，开展基本医疗与公共卫生服务。", Sector.HEALTH, "桃花乡",
                Education.BACHELOR, "临床医学", 8000, 12000, 3, Set.of(URGENTLY_NEEDED, RETURNEE_FRIENDLY), deadline);
        opening(forestry, "青山林业站", "林业技术员", "开展森林资源调查、病虫害监测与护林防火巡查。", Sector.FORESTRY, "青山镇",
                Education.JUNIOR_COLLEGE, "林学", 4000, 5500, 2, Set.of(GRADUATE, URGENTLY_NEEDED), deadline);
        opening(farm, "河口蔬菜专业合作社", "农业技术推广员", "指导社员大棚蔬菜种植、测土配方施肥与电商销售。", Sector.AGRICULTURE,
                "河口镇", Education.JUNIOR_COLLEGE, "农学", 4000, 6000, 2, Set.of(RETURNEE_FRIENDLY, FLEXIBLE), deadline);
        opening(firm, "龙泉智能科技有限公司", "软件开发工程师", "负责智慧农业平台后端开发，Java/Spring 技术栈。", Sector.ENTERPRISE,
                "龙泉镇", Education.BACHELOR, "计算机科学与技术", 8000, 15000, 3, Set.of(HIGH_LEVEL, RETURNEE_FRIENDLY),
                deadline);
        opening(firm, "龙泉智能科技有限公司", "硬件工程师", "负责农业物联网传感器电路设计与调试。", Sector.ENTERPRISE, "龙泉镇",
                Education.BACHELOR, "电子信息工程", 7000, 12000, 1, Set.of(HIGH_LEVEL), deadline);

        String liming = graduate("liming", "李明", "13800138001", "liming@example.cn", Education.BACHELOR, "西南大学",
                "数学与应用数学", "城关镇", CandidateSource.CAMPUS_DRIVE, "西南大学2026届校园招聘会");
        graduate("wangfang", "王芳", "13800138002", "wangfang@example.cn", Education.JUNIOR_COLLEGE, "重庆医药高等专科学校",
                "护理学", "桃花乡", CandidateSource.LIVESTREAM, "县人民医院直播带岗");
        String zhang = graduate("zhangwei", "张伟", "13800138003", "zhangwei@example.cn", Education.MASTER, "四川农业大学",
                "林学", "青山镇", CandidateSource.RETURNEE_REGISTER, "在外人才返乡登记");
        commands.sendAsSystem(new ApplyToOpening(liming, id(), maths));
        commands.sendAsSystem(new ApplyToOpening(zhang, id(), nurse));
        // the talent office's service specialist, who takes over retention cases after placement
        accounts.create(id(), "specialist", PASSWORD, Role.SPECIALIST, "服务专员 陈静", null, null);
        log.info("Demo district seeded: 5 employer units, 9 openings, 3 graduates; password for every demo account: {}",
                PASSWORD);
    }

    private String unit(String name, EmployerType type, String town, Sector sector, String recruiterLogin,
                        String recruiterName) {
        String unitId = id();
        commands.sendAsSystem(new CreateEmployerUnit(unitId, name, type, town, sector));
        String userId = id();
        commands.sendAsSystem(new AssignRecruiter(unitId, userId, recruiterName));
        accounts.create(userId, recruiterLogin, PASSWORD, Role.RECRUITER, recruiterName, unitId, null);
        // example addresses: invitations to demo interviews land on the outbox page
        accounts.setEmail(recruiterLogin, recruiterLogin + "@example.cn");
        return unitId;
    }

    private String opening(String unitId, String employerName, String title, String description, Sector sector,
                           String town, Education education, String major, int salaryMin, int salaryMax,
                           int headcount, Set<TalentCategory> categories, LocalDate deadline) {
        String openingId = id();
        commands.sendAsSystem(new DraftOpening(openingId, unitId, employerName, new OpeningDetails(title, description,
                sector, town, education, major, salaryMin, salaryMax, headcount, categories, deadline)));
        commands.sendAsSystem(new PublishOpening(openingId));
        return openingId;
    }

    private String graduate(String login, String name, String phone, String email, Education education,
                            String school, String major, String hometown, CandidateSource source, String reference) {
        String candidateId = id();
        commands.sendAsSystem(new RegisterCandidate(candidateId, name, new PhoneNumber(phone), new EmailAddress(email),
                null, new CandidateProfile(education, school, major, 2026, hometown, null, null),
                new RegistrationChannel(source, null, reference),
                RegistrationConsent.given("2026-11", DATA_USE, JOB_ALERT_MAIL)));
        accounts.create(id(), login, PASSWORD, Role.CANDIDATE, name, null, candidateId);
        return candidateId;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
