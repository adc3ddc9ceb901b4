package cn.talentportal.projections.dossier;

import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedIn;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationScreenedOut;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationSubmitted;
import cn.talentportal.domain.candidate.CandidateEvents.ApplicationWithdrawn;
import cn.talentportal.domain.candidate.CandidateEvents.CandidatePlaced;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateProfileUpdated;
import cn.talentportal.domain.candidate.CandidateEvents.CandidateRegistered;
import cn.talentportal.domain.candidate.CandidateEvents.ContractSigned;
import cn.talentportal.domain.candidate.CandidateEvents.OfferAccepted;
import cn.talentportal.domain.candidate.CandidateEvents.OfferDeclined;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExpired;
import cn.talentportal.domain.candidate.CandidateEvents.OfferExtended;
import cn.talentportal.domain.candidate.CandidateProfile;
import cn.talentportal.domain.candidate.CandidateSource;
import cn.talentportal.domain.candidate.OfferTerms;
import cn.talentportal.domain.candidate.PlacementCommandHandler;
import cn.talentportal.domain.candidate.RegistrationChannel;
import cn.talentportal.domain.drive.DriveEvents.CandidateRegisteredForDrive;
import cn.talentportal.domain.drive.DriveEvents.DriveAttended;
import cn.talentportal.domain.drive.DriveEvents.DriveCancelled;
import cn.talentportal.domain.drive.DriveEvents.DriveHeld;
import cn.talentportal.domain.drive.DriveEvents.DrivePlanned;
import cn.talentportal.domain.drive.DriveKind;
import cn.talentportal.domain.interview.CalendarEvents.InterviewSlotBooked;
import cn.talentportal.domain.interview.Criterion;
import cn.talentportal.domain.interview.InterviewEvents.CandidateDidNotShow;
import cn.talentportal.domain.interview.InterviewEvents.InterviewCancelled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewHeld;
import cn.talentportal.domain.interview.InterviewEvents.InterviewOutcomeDecided;
import cn.talentportal.domain.interview.InterviewEvents.InterviewRescheduled;
import cn.talentportal.domain.interview.InterviewEvents.InterviewScheduled;
import cn.talentportal.domain.interview.InterviewEvents.ScorecardSubmitted;
import cn.talentportal.domain.interview.InterviewOutcome;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewEnded;
import cn.talentportal.domain.interview.InterviewRoomEvents.InterviewStarted;
import cn.talentportal.domain.interview.InterviewSlot;
import cn.talentportal.domain.interview.InterviewStatus;
import cn.talentportal.domain.interview.PanelMember;
import cn.talentportal.domain.interview.ParticipantCalendar;
import cn.talentportal.domain.opening.OpeningDetails;
import cn.talentportal.domain.opening.OpeningEvents.OpeningClosed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningDrafted;
import cn.talentportal.domain.opening.OpeningEvents.OpeningEdited;
import cn.talentportal.domain.opening.OpeningEvents.OpeningFilled;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPaused;
import cn.talentportal.domain.opening.OpeningEvents.OpeningPublished;
import cn.talentportal.domain.opening.OpeningEvents.OpeningResumed;
import cn.talentportal.domain.opening.OpeningEvents.OpeningSeatTaken;
import cn.talentportal.domain.opening.OpeningStatus;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentGiven;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ContactConsentWithdrawn;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.NativeAddedToRegister;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.RegisterEntryUpdated;
import cn.talentportal.domain.outreach.ReturneeRegisterEvents.ReturneeConvertedToCandidate;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyPublished;
import cn.talentportal.domain.retention.AllowancePolicyEvents.AllowancePolicyRevised;
import cn.talentportal.domain.retention.AllowanceType;
import cn.talentportal.domain.retention.RetentionEvents.AllowanceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentAllocated;
import cn.talentportal.domain.retention.RetentionEvents.ApartmentVacated;
import cn.talentportal.domain.retention.RetentionEvents.FollowUpVisitRecorded;
import cn.talentportal.domain.retention.RetentionEvents.ProfessionalTitlePromoted;
import cn.talentportal.domain.retention.RetentionEvents.RetentionCaseOpened;
import cn.talentportal.domain.retention.RetentionEvents.RetentionMilestoneReached;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRefused;
import cn.talentportal.domain.retention.RetentionEvents.RetentionServiceRequested;
import cn.talentportal.domain.retention.RetentionEvents.SchoolPlaceGranted;
import cn.talentportal.domain.retention.RetentionEvents.ServiceCardIssued;
import cn.talentportal.domain.retention.RetentionEvents.ServiceSpecialistAssigned;
import cn.talentportal.domain.retention.RetentionEvents.TalentDeparted;
import cn.talentportal.domain.retention.RetentionEvents.VisitProblemResolved;
import cn.talentportal.projections.application.ApplicationStatus;
import cn.talentportal.projections.interview.InterviewState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rebuilds a candidate's dossier as it stood at an instant from stored events alone: every stream is read whole and
 * only its events with a timestamp at or before the instant are folded, so what came later cannot leak in.
 * <p>
 * Streams are found from the events themselves where they can be: the candidate's stream names the openings, the
 * placements (whose retention case ids derive from the application), the drive or register entry of the channel and
 * the interview of each offer; the candidate's calendar ({@code calendar:<candidateId>}) books every interview ever
 * scheduled. A drive an existing candidate signed up for is named only by the drive's stream, so the ids recorded by
 * {@link CandidateStreamsProjection} are added ({@link LinkedStreams}); allowance policies are named by the grants.
 * Every stream is checked to name the candidate before it is used.
 */
public final class CandidateReplay {

    /** Reads one stream whole, in sequence order; an unknown id reads as empty. */
    @FunctionalInterface
    public interface EventStreams {
        List<ReplayedEvent> read(String aggregateId);

        /** Several streams, by id; a store may read them concurrently. */
        default Map<String, List<ReplayedEvent>> readAll(Collection<String> aggregateIds) {
            Map<String, List<ReplayedEvent>> streams = new LinkedHashMap<>();
            aggregateIds.forEach(id -> streams.put(id, read(id)));
            return streams;
        }
    }

    private static final Set<CandidateSource> DRIVE_CHANNELS =
            EnumSet.of(CandidateSource.CAMPUS_DRIVE, CandidateSource.ONLINE_JOB_FAIR, CandidateSource.LIVESTREAM);

    private final String candidateId;
    private final Instant asOf;
    private final EventStreams streams;
    private final List<ReplayedEvent> used = new ArrayList<>();
    /** Every stream read so far, cut at {@code asOf}. */
    private final Map<String, List<ReplayedEvent>> read = new HashMap<>();
    private final Set<String> policiesUsed = new HashSet<>();

    private CandidateReplay(String candidateId, Instant asOf, EventStreams streams) {
        this.candidateId = candidateId;
        this.asOf = asOf;
        this.streams = streams;
    }

    public static CandidateDossier asOf(String candidateId, Instant asOf, LinkedStreams linked,
                                        EventStreams streams) {
        return new CandidateReplay(candidateId, asOf, streams).dossier(linked);
    }

    private CandidateDossier dossier(LinkedStreams linked) {
        String calendarId = ParticipantCalendar.calendarIdOf(candidateId);
        fetch(List.of(candidateId, calendarId));
        List<ReplayedEvent> own = upToAsOf(candidateId);
        if (own.isEmpty()) {
            return CandidateDossier.notYetRegistered(candidateId, asOf);
        }
        used.addAll(own);
        Profile profile = new Profile();
        Map<String, Application> applications = new LinkedHashMap<>();
        own.forEach(event -> foldCandidate(event, profile, applications));
        // every stream named so far, read at once
        Set<String> named = new LinkedHashSet<>();
        named.addAll(interviewIds(applications, linked));
        named.addAll(driveIds(profile, linked));
        named.addAll(registerEntryIds(profile, linked));
        applications.values().forEach(application -> named.add(application.openingId));
        named.addAll(retentionCaseIds(applications, linked));
        fetch(named);

        Map<String, Interview> interviews = interviews(applications, linked);
        List<Drive> drives = drives(profile, linked);
        List<RegisterEntry> entries = registerEntries(profile, linked);
        Map<String, Opening> openings = openings(applications);
        Map<String, RetentionCase> cases = retentionCases(applications, linked);

        List<DossierSection> sections = new ArrayList<>();
        sections.add(profile.section());
        entries.forEach(entry -> sections.add(entry.section()));
        drives.stream().sorted(Comparator.comparing(Drive::since)).forEach(drive -> sections.add(drive.section()));
        Set<String> openingsShown = new LinkedHashSet<>();
        List<PolicyCheck> policyChecks = new ArrayList<>();
        for (Application application : applications.values()) {
            List<Interview> ofApplication = interviews.values().stream()
                    .filter(i -> i.applicationId.equals(application.applicationId))
                    .sorted(Comparator.comparing(i -> i.scheduledAt))
                    .toList();
            sections.add(application.section(ofApplication));
            Opening opening = openings.get(application.openingId);
            if (opening != null && openingsShown.add(application.openingId)) {
                sections.add(opening.section());
            }
            ofApplication.forEach(interview -> sections.add(interview.section()));
            RetentionCase retention = cases.remove(PlacementCommandHandler.retentionCaseIdOf(
                    application.applicationId));
            if (retention != null) {
                sections.add(retention.section());
                policyChecks.addAll(retention.policyChecks);
            }
        }
        // a case the index names but no placement of the candidate's stream opened (none expected)
        cases.values().forEach(retention -> {
            sections.add(retention.section());
            policyChecks.addAll(retention.policyChecks);
        });
        List<DossierEvent> events = used.stream()
                .sorted(Comparator.comparing(ReplayedEvent::timestamp).thenComparing(ReplayedEvent::aggregateId)
                        .thenComparingLong(ReplayedEvent::sequenceNumber))
                .map(ReplayedEvent::described)
                .distinct()
                .toList();
        return new CandidateDossier(candidateId, asOf, sections, policyChecks, events);
    }

    /** Reads the streams not read yet, in one go. */
    private void fetch(Collection<String> aggregateIds) {
        List<String> missing = aggregateIds.stream().filter(id -> !read.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            streams.readAll(missing).forEach((id, events) -> read.put(id,
                    events.stream().filter(event -> !event.timestamp().isAfter(asOf)).toList()));
        }
    }

    private List<ReplayedEvent> upToAsOf(String aggregateId) {
        fetch(List.of(aggregateId));
        return read.getOrDefault(aggregateId, List.of());
    }

    // the candidate's own stream

    private void foldCandidate(ReplayedEvent event, Profile profile, Map<String, Application> applications) {
        switch (event.payload()) {
            case CandidateRegistered e -> {
                profile.registeredAt = event.timestamp();
                profile.fullName = e.fullName();
                profile.phone = e.phone();
                profile.email = e.email();
                profile.idNumber = e.idNumber();
                profile.profile = e.profile();
                profile.channel = e.channel();
            }
            case CandidateProfileUpdated e -> {
                profile.fullName = e.fullName();
                profile.profile = e.profile();
            }
            case ApplicationSubmitted e -> {
                Application application = new Application(e.applicationId(), e.openingId(), event.timestamp());
                application.openingTitle = e.openingTitle();
                application.employerName = e.employerName();
                applications.put(e.applicationId(), application);
            }
            case ApplicationScreenedIn e -> step(applications, e.applicationId(), ApplicationStatus.SCREENED_IN)
                    .screeningReason = e.reason();
            case ApplicationScreenedOut e -> step(applications, e.applicationId(), ApplicationStatus.SCREENED_OUT)
                    .screeningReason = e.reason();
            case ApplicationWithdrawn e -> step(applications, e.applicationId(), ApplicationStatus.WITHDRAWN)
                    .withdrawalReason = e.reason();
            case OfferExtended e -> {
                Application application = step(applications, e.applicationId(), ApplicationStatus.OFFER_EXTENDED);
                application.offerExtendedAt = event.timestamp();
                application.offerInterviewId = e.interviewId();
                application.offer = e.terms();
                application.verdictReason = e.verdictReason();
            }
            case OfferAccepted e -> step(applications, e.applicationId(), ApplicationStatus.OFFER_ACCEPTED);
            case OfferDeclined e -> step(applications, e.applicationId(), ApplicationStatus.OFFER_DECLINED)
                    .declineReason = e.reason();
            case OfferExpired e -> step(applications, e.applicationId(), ApplicationStatus.OFFER_EXPIRED);
            case ContractSigned e -> step(applications, e.applicationId(), ApplicationStatus.SIGNED).contract = e;
            case CandidatePlaced e -> step(applications, e.applicationId(), ApplicationStatus.PLACED).placement = e;
            default -> {
                // no other event of the candidate's stream changes the dossier
            }
        }
    }

    private static Application step(Map<String, Application> applications, String applicationId,
                                    ApplicationStatus status) {
        Application application = applications.get(applicationId);
        application.lastStep = status;
        return application;
    }

    // the streams that name the candidate

    /** Booked on the candidate's calendar, named by an offer, or linked by the index. */
    private Set<String> interviewIds(Map<String, Application> applications, LinkedStreams linked) {
        Set<String> ids = new LinkedHashSet<>();
        upToAsOf(ParticipantCalendar.calendarIdOf(candidateId)).stream().map(ReplayedEvent::payload)
                .filter(InterviewSlotBooked.class::isInstance).map(InterviewSlotBooked.class::cast)
                .filter(booked -> candidateId.equals(booked.participantId()))
                .forEach(booked -> ids.add(booked.interviewId()));
        applications.values().stream().filter(a -> a.offerInterviewId != null)
                .forEach(a -> ids.add(a.offerInterviewId));
        ids.addAll(new TreeSet<>(linked.interviews()));
        return ids;
    }

    private Map<String, Interview> interviews(Map<String, Application> applications, LinkedStreams linked) {
        used.addAll(upToAsOf(ParticipantCalendar.calendarIdOf(candidateId)));
        Map<String, Interview> interviews = new LinkedHashMap<>();
        for (String id : interviewIds(applications, linked)) {
            List<ReplayedEvent> events = upToAsOf(id);
            if (!events.isEmpty() && events.get(0).payload() instanceof InterviewScheduled scheduled
                    && candidateId.equals(scheduled.candidateId())) {
                used.addAll(events);
                Interview interview = new Interview(scheduled, events.get(0).timestamp());
                events.forEach(interview::fold);
                interviews.put(id, interview);
            }
        }
        return interviews;
    }

    /** The drive of the channel, and the drives linked by the index. */
    private static Set<String> driveIds(Profile profile, LinkedStreams linked) {
        Set<String> ids = new LinkedHashSet<>();
        if (profile.channel != null && DRIVE_CHANNELS.contains(profile.channel.source())
                && profile.channel.reference() != null) {
            ids.add(profile.channel.reference());
        }
        ids.addAll(new TreeSet<>(linked.drives()));
        return ids;
    }

    private List<Drive> drives(Profile profile, LinkedStreams linked) {
        List<Drive> drives = new ArrayList<>();
        for (String id : driveIds(profile, linked)) {
            List<ReplayedEvent> events = upToAsOf(id);
            if (!events.isEmpty() && events.get(0).payload() instanceof DrivePlanned) {
                Drive drive = new Drive(id, candidateId);
                events.forEach(drive::fold);
                if (drive.registeredAt != null || id.equals(profile.channelReference())) {
                    used.addAll(events);
                    drive.channelSince = profile.registeredAt;
                    drives.add(drive);
                }
            }
        }
        return drives;
    }

    /** The register entry of the channel, and those linked by the index. */
    private static Set<String> registerEntryIds(Profile profile, LinkedStreams linked) {
        Set<String> ids = new LinkedHashSet<>();
        if (profile.channel != null && profile.channel.source() == CandidateSource.RETURNEE_REGISTER
                && profile.channel.reference() != null) {
            ids.add(profile.channel.reference());
        }
        ids.addAll(new TreeSet<>(linked.registerEntries()));
        return ids;
    }

    private List<RegisterEntry> registerEntries(Profile profile, LinkedStreams linked) {
        List<RegisterEntry> entries = new ArrayList<>();
        for (String id : registerEntryIds(profile, linked)) {
            List<ReplayedEvent> events = upToAsOf(id);
            if (!events.isEmpty() && events.get(0).payload() instanceof NativeAddedToRegister) {
                RegisterEntry entry = new RegisterEntry(id);
                events.forEach(entry::fold);
                used.addAll(events);
                entries.add(entry);
            }
        }
        return entries;
    }

    private Map<String, Opening> openings(Map<String, Application> applications) {
        Map<String, Opening> openings = new LinkedHashMap<>();
        for (Application application : applications.values()) {
            if (openings.containsKey(application.openingId)) {
                continue;
            }
            List<ReplayedEvent> events = upToAsOf(application.openingId);
            used.addAll(events);
            Opening opening = new Opening(application.openingId);
            events.forEach(opening::fold);
            openings.put(application.openingId, opening);
        }
        return openings;
    }

    /** The case each placement opened, and those linked by the index. */
    private static Set<String> retentionCaseIds(Map<String, Application> applications, LinkedStreams linked) {
        Set<String> ids = new LinkedHashSet<>();
        applications.values().stream().filter(a -> a.placement != null)
                .forEach(a -> ids.add(PlacementCommandHandler.retentionCaseIdOf(a.applicationId)));
        ids.addAll(new TreeSet<>(linked.retentionCases()));
        return ids;
    }

    private Map<String, RetentionCase> retentionCases(Map<String, Application> applications, LinkedStreams linked) {
        Map<String, List<ReplayedEvent>> ofCandidate = new LinkedHashMap<>();
        for (String id : retentionCaseIds(applications, linked)) {
            List<ReplayedEvent> events = upToAsOf(id);
            if (!events.isEmpty() && events.get(0).payload() instanceof RetentionCaseOpened opened
                    && candidateId.equals(opened.candidateId())) {
                ofCandidate.put(id, events);
            }
        }
        // the policies the grants name, read at once
        fetch(ofCandidate.values().stream().flatMap(List::stream).map(ReplayedEvent::payload)
                .filter(AllowanceGranted.class::isInstance).map(e -> ((AllowanceGranted) e).policyId()).toList());
        Map<String, RetentionCase> cases = new LinkedHashMap<>();
        for (Map.Entry<String, List<ReplayedEvent>> stream : ofCandidate.entrySet()) {
            used.addAll(stream.getValue());
            RetentionCase retention = new RetentionCase(stream.getKey());
            stream.getValue().forEach(event -> retention.fold(event, this));
            cases.put(stream.getKey(), retention);
        }
        return cases;
    }

    /** The versions of a policy known when a grant was decided, replayed from the policy's own stream. */
    private List<PolicyVersion> policyAsOf(String policyId, Instant decidedAt) {
        List<ReplayedEvent> events = upToAsOf(policyId);
        if (policiesUsed.add(policyId)) {
            used.addAll(events);
        }
        List<PolicyVersion> versions = new ArrayList<>();
        for (ReplayedEvent event : events) {
            if (event.timestamp().isAfter(decidedAt)) {
                break;
            }
            switch (event.payload()) {
                case AllowancePolicyPublished e ->
                        versions.add(new PolicyVersion(e.version(), e.effectiveFrom(), e.monthlyCaps()));
                case AllowancePolicyRevised e ->
                        versions.add(new PolicyVersion(e.version(), e.effectiveFrom(), e.monthlyCaps()));
                default -> {
                }
            }
        }
        return versions;
    }

    private record PolicyVersion(int version, LocalDate effectiveFrom, Map<AllowanceType, Integer> caps) {
    }

    /** As {@code AllowancePolicy.versionInForceOn}: the latest version that took effect on or before the date. */
    private static PolicyVersion inForceOn(List<PolicyVersion> versions, LocalDate date) {
        PolicyVersion inForce = null;
        for (PolicyVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return inForce;
    }

    // what each stream folds into

    /** Lines of one section; a fact without a value is left out. */
    private static final class Lines {
        private final String prefix;
        private final List<DossierLine> lines = new ArrayList<>();

        Lines(String prefix) {
            this.prefix = prefix;
        }

        Lines add(String path, String labelKey, Object value) {
            if (value != null) {
                lines.add(new DossierLine(prefix + "/" + path, labelKey, value));
            }
            return this;
        }

        DossierSection section(String titleKey, String heading) {
            return new DossierSection(prefix, titleKey, heading, lines);
        }
    }

    private static final class Profile {
        Instant registeredAt;
        String fullName;
        Object phone;
        Object email;
        Object idNumber;
        CandidateProfile profile;
        RegistrationChannel channel;

        String channelReference() {
            return channel == null ? null : channel.reference();
        }

        DossierSection section() {
            Lines lines = new Lines("profile")
                    .add("fullName", "field.fullName", fullName)
                    .add("phone", "field.phone", phone)
                    .add("email", "field.email", email)
                    .add("idNumber", "field.idNumber", idNumber);
            if (profile != null) {
                lines.add("education", "field.education", profile.education())
                        .add("school", "field.school", profile.school())
                        .add("major", "field.major", profile.major())
                        .add("graduationYear", "field.graduationYear", profile.graduationYear())
                        .add("hometownCounty", "field.hometownCounty", profile.hometownCounty())
                        .add("currentCity", "field.currentCity", profile.currentCity())
                        .add("skills", "field.skills", profile.skills());
            }
            if (channel != null) {
                lines.add("source", "field.source", channel.source())
                        .add("sourceReference", "field.referenceTitle", channel.referenceTitle());
            }
            lines.add("registeredAt", "dossier.registeredAt", registeredAt);
            return lines.section("dossier.section.profile", fullName);
        }
    }

    private static final class Application {
        final String applicationId;
        final String openingId;
        final Instant submittedAt;
        String openingTitle;
        String employerName;
        ApplicationStatus lastStep = ApplicationStatus.SUBMITTED;
        String screeningReason;
        String withdrawalReason;
        Instant offerExtendedAt;
        String offerInterviewId;
        OfferTerms offer;
        String verdictReason;
        String declineReason;
        ContractSigned contract;
        CandidatePlaced placement;

        Application(String applicationId, String openingId, Instant submittedAt) {
            this.applicationId = applicationId;
            this.openingId = openingId;
            this.submittedAt = submittedAt;
        }

        DossierSection section(List<Interview> interviews) {
            ApplicationStatus status = ApplicationStatus.of(lastStep,
                    interviews.stream().map(Interview::state).toList());
            Lines lines = new Lines("applications/" + applicationId)
                    .add("openingTitle", "field.openingTitle", openingTitle)
                    .add("employerName", "field.employerName", employerName)
                    .add("submittedAt", "dossier.submittedAt", submittedAt)
                    .add("status", "dossier.applicationStatus", status)
                    .add("stage", "dossier.stage", status.stage())
                    .add("screeningReason", "dossier.screeningReason", screeningReason)
                    .add("withdrawalReason", "dossier.withdrawalReason", withdrawalReason);
            if (offer != null) {
                lines.add("offer/extendedAt", "dossier.offerExtendedAt", offerExtendedAt)
                        .add("offer/post", "field.post", offer.post())
                        .add("offer/monthlySalary", "field.monthlySalary", offer.monthlySalary())
                        .add("offer/proposedStartDate", "field.proposedStartDate", offer.proposedStartDate())
                        .add("offer/respondBy", "field.respondBy", offer.respondBy())
                        .add("offer/verdictReason", "field.verdictReason", verdictReason)
                        .add("offer/declineReason", "dossier.declineReason", declineReason);
            }
            if (contract != null) {
                lines.add("contract/signedOn", "field.signedOn", contract.signedOn())
                        .add("contract/post", "field.post", contract.post())
                        .add("contract/monthlySalary", "field.monthlySalary", contract.monthlySalary())
                        .add("contract/contractYears", "field.contractYears", contract.contractYears())
                        .add("contract/sector", "field.sector", contract.sector())
                        .add("contract/county", "field.county", contract.county());
            }
            if (placement != null) {
                lines.add("placement/post", "field.post", placement.post())
                        .add("placement/startDate", "field.startDate", placement.startDate());
            }
            return lines.section("dossier.section.application", openingTitle);
        }
    }

    private static final class Opening {
        final String openingId;
        OpeningDetails details;
        String employerName;
        OpeningStatus status;
        Integer seatsTaken;

        Opening(String openingId) {
            this.openingId = openingId;
        }

        void fold(ReplayedEvent event) {
            switch (event.payload()) {
                case OpeningDrafted e -> {
                    details = e.details();
                    employerName = e.employerName();
                    status = OpeningStatus.DRAFT;
                }
                case OpeningPublished e -> {
                    details = e.details();
                    employerName = e.employerName();
                    status = OpeningStatus.PUBLISHED;
                }
                case OpeningEdited e -> {
                    details = e.details();
                    employerName = e.employerName();
                }
                case OpeningPaused e -> status = OpeningStatus.PAUSED;
                case OpeningResumed e -> {
                    details = e.details();
                    status = OpeningStatus.PUBLISHED;
                }
                case OpeningClosed e -> status = OpeningStatus.CLOSED;
                case OpeningSeatTaken e -> seatsTaken = e.seatsTaken();
                case OpeningFilled e -> status = OpeningStatus.FILLED;
                default -> {
                }
            }
        }

        DossierSection section() {
            Lines lines = new Lines("openings/" + openingId);
            if (details != null) {
                lines.add("title", "field.title", details.title())
                        .add("employerName", "field.employerName", employerName)
                        .add("status", "dossier.openingStatus", status)
                        .add("headcount", "field.headcount", details.headcount())
                        .add("seatsTaken", "field.seatsTaken", seatsTaken == null ? 0 : seatsTaken)
                        .add("applicationDeadline", "field.applicationDeadline", details.applicationDeadline());
            }
            return lines.section("dossier.section.opening", details == null ? null : details.title());
        }
    }

    private static final class Interview {
        final String interviewId;
        final String applicationId;
        final Instant scheduledAt;
        final String openingTitle;
        final List<PanelMember> panel;
        final String rubricName;
        final int rubricVersion;
        final List<Criterion> criteria;
        InterviewSlot slot;
        InterviewStatus status = InterviewStatus.SCHEDULED;
        int reschedules;
        String rescheduleReason;
        String cancellationReason;
        String noShowReason;
        Instant startedAt;
        Instant endedAt;
        final Map<String, ScorecardSubmitted> scorecards = new LinkedHashMap<>();
        InterviewOutcomeDecided decision;

        Interview(InterviewScheduled scheduled, Instant scheduledAt) {
            this.interviewId = scheduled.interviewId();
            this.applicationId = scheduled.applicationId();
            this.scheduledAt = scheduledAt;
            this.openingTitle = scheduled.openingTitle();
            this.panel = scheduled.panel();
            this.rubricName = scheduled.rubricName();
            this.rubricVersion = scheduled.rubricVersion();
            this.criteria = scheduled.criteria();
            this.slot = scheduled.slot();
        }

        void fold(ReplayedEvent event) {
            switch (event.payload()) {
                case InterviewRescheduled e -> {
                    slot = e.slot();
                    status = InterviewStatus.SCHEDULED;
                    reschedules++;
                    rescheduleReason = e.reason();
                }
                case InterviewCancelled e -> {
                    status = InterviewStatus.CANCELLED;
                    cancellationReason = e.reason();
                }
                case CandidateDidNotShow e -> {
                    status = InterviewStatus.NO_SHOW;
                    noShowReason = e.reason();
                }
                case InterviewHeld e -> {
                    status = InterviewStatus.HELD;
                    startedAt = e.startedAt();
                    endedAt = e.endedAt();
                }
                case InterviewStarted e -> startedAt = e.startedAt();
                case InterviewEnded e -> {
                    status = InterviewStatus.HELD;
                    startedAt = e.startedAt();
                    endedAt = e.endedAt();
                }
                case ScorecardSubmitted e -> scorecards.put(e.panelMemberUserId(), e);
                case InterviewOutcomeDecided e -> {
                    status = InterviewStatus.DECIDED;
                    decision = e;
                }
                default -> {
                    // reminders and room comings and goings change no fact of the dossier
                }
            }
        }

        InterviewState state() {
            InterviewOutcome outcome = decision == null ? null : decision.outcome();
            return new InterviewState(interviewId, applicationId, slot, status, reschedules > 0, scorecards.size(),
                    outcome, decision == null ? null : decision.averageWeightedScore().toPlainString(),
                    decision == null ? null : decision.reason(), scheduledAt);
        }

        DossierSection section() {
            Lines lines = new Lines("interviews/" + interviewId)
                    .add("openingTitle", "field.openingTitle", openingTitle)
                    .add("scheduledAt", "dossier.scheduledAt", scheduledAt)
                    .add("slotStart", "field.start", slot.start())
                    .add("slotEnd", "field.end", slot.end())
                    .add("panel", "field.panel", panel.stream().map(PanelMember::name)
                            .collect(Collectors.joining("、")))
                    .add("status", "dossier.interviewStatus", status)
                    .add("rubricName", "field.rubricName", rubricName)
                    .add("rubricVersion", "field.rubricVersion", rubricVersion)
                    .add("reschedules", "dossier.reschedules", reschedules == 0 ? null : reschedules)
                    .add("rescheduleReason", "dossier.rescheduleReason", rescheduleReason)
                    .add("cancellationReason", "dossier.cancellationReason", cancellationReason)
                    .add("noShowReason", "dossier.noShowReason", noShowReason)
                    .add("startedAt", "field.startedAt", startedAt)
                    .add("endedAt", "field.endedAt", endedAt);
            for (ScorecardSubmitted card : scorecards.values()) {
                String path = "scorecards/" + card.panelMemberUserId();
                lines.add(path + "/panelMemberName", "field.panelMemberName", card.panelMemberName())
                        .add(path + "/rubricVersion", "field.rubricVersion", card.rubricVersion())
                        .add(path + "/scores", "field.scores", scores(card.scores()))
                        .add(path + "/weightedScore", "field.weightedScore", card.weightedScore())
                        .add(path + "/comment", "field.comment", card.comment());
            }
            if (decision != null) {
                lines.add("outcome", "field.outcome", decision.outcome())
                        .add("averageWeightedScore", "field.averageWeightedScore", decision.averageWeightedScore())
                        .add("outcomeReason", "dossier.outcomeReason", decision.reason());
            }
            return lines.section("dossier.section.interview", openingTitle);
        }

        /** "subject 8/10, teaching 9/10": in the rubric version's order, each out of its maximum. */
        private String scores(Map<String, Integer> scores) {
            List<String> parts = new ArrayList<>();
            for (Criterion criterion : criteria) {
                if (scores.containsKey(criterion.key())) {
                    parts.add(criterion.label() + " " + scores.get(criterion.key()) + "/" + criterion.maxScore());
                }
            }
            new TreeSet<>(scores.keySet()).stream()
                    .filter(key -> criteria.stream().noneMatch(c -> c.key().equals(key)))
                    .forEach(key -> parts.add(key + " " + scores.get(key)));
            return String.join(", ", parts);
        }
    }

    private static final class Drive {
        final String driveId;
        final String candidateId;
        String title;
        DriveKind kind;
        Instant startsAt;
        Instant endsAt;
        Instant registeredAt;
        Instant attendedAt;
        Instant heldAt;
        String cancellationReason;
        Instant channelSince;

        Drive(String driveId, String candidateId) {
            this.driveId = driveId;
            this.candidateId = candidateId;
        }

        Instant since() {
            return registeredAt != null ? registeredAt : channelSince;
        }

        void fold(ReplayedEvent event) {
            switch (event.payload()) {
                case DrivePlanned e -> {
                    title = e.driveTitle();
                    kind = e.kind();
                    startsAt = e.startsAt();
                    endsAt = e.endsAt();
                }
                case CandidateRegisteredForDrive e when candidateId.equals(e.candidateId()) ->
                        registeredAt = event.timestamp();
                case DriveAttended e when candidateId.equals(e.candidateId()) -> attendedAt = event.timestamp();
                case DriveHeld e -> heldAt = event.timestamp();
                case DriveCancelled e -> cancellationReason = e.reason();
                default -> {
                }
            }
        }

        DossierSection section() {
            return new Lines("drives/" + driveId)
                    .add("driveTitle", "field.driveTitle", title)
                    .add("kind", "field.kind", kind)
                    .add("startsAt", "field.startsAt", startsAt)
                    .add("endsAt", "field.endsAt", endsAt)
                    .add("registeredAt", "dossier.registeredAt", registeredAt)
                    .add("attendedAt", "dossier.attendedAt", attendedAt)
                    .add("heldAt", "dossier.driveHeldAt", heldAt)
                    .add("cancellationReason", "dossier.cancellationReason", cancellationReason)
                    .section("dossier.section.drive", title);
        }
    }

    private static final class RegisterEntry {
        final String entryId;
        String fullName;
        String hometownCounty;
        String currentCity;
        String currentEmployer;
        String professionalField;
        Boolean contactConsent;
        Instant convertedAt;

        RegisterEntry(String entryId) {
            this.entryId = entryId;
        }

        void fold(ReplayedEvent event) {
            switch (event.payload()) {
                case NativeAddedToRegister e -> {
                    fullName = e.fullName();
                    hometownCounty = e.hometownCounty();
                    currentCity = e.currentCity();
                    currentEmployer = e.currentEmployer();
                    professionalField = e.professionalField();
                    contactConsent = e.contactConsent();
                }
                case ContactConsentGiven e -> contactConsent = true;
                case ContactConsentWithdrawn e -> contactConsent = false;
                case RegisterEntryUpdated e -> {
                    fullName = e.fullName();
                    currentCity = e.currentCity();
                    currentEmployer = e.currentEmployer();
                    professionalField = e.professionalField();
                }
                case ReturneeConvertedToCandidate e -> convertedAt = event.timestamp();
                default -> {
                }
            }
        }

        DossierSection section() {
            return new Lines("returnee/" + entryId)
                    .add("fullName", "field.fullName", fullName)
                    .add("hometownCounty", "field.hometownCounty", hometownCounty)
                    .add("currentCity", "field.currentCity", currentCity)
                    .add("currentEmployer", "field.currentEmployer", currentEmployer)
                    .add("professionalField", "field.professionalField", professionalField)
                    .add("contactConsent", "field.contactConsent", contactConsent)
                    .add("convertedAt", "dossier.convertedAt", convertedAt)
                    .section("dossier.section.returnee", fullName);
        }
    }

    private static final class RetentionCase {
        final String caseId;
        RetentionCaseOpened opened;
        String specialistName;
        String apartment;
        LocalDate moveIn;
        LocalDate moveOut;
        String cardNumber;
        Object cardLevel;
        String professionalTitle;
        LocalDate promotedOn;
        final Map<Integer, LocalDate> milestones = new LinkedHashMap<>();
        TalentDeparted departure;
        final Map<String, Request> requests = new LinkedHashMap<>();
        final List<DossierLine> grants = new ArrayList<>();
        final List<PolicyCheck> policyChecks = new ArrayList<>();
        final List<SchoolPlaceGranted> schoolPlaces = new ArrayList<>();
        final Map<String, Visit> visits = new LinkedHashMap<>();

        RetentionCase(String caseId) {
            this.caseId = caseId;
        }

        void fold(ReplayedEvent event, CandidateReplay replay) {
            switch (event.payload()) {
                case RetentionCaseOpened e -> opened = e;
                case ServiceSpecialistAssigned e -> specialistName = e.specialistName();
                case RetentionServiceRequested e -> requests.put(e.requestId(), new Request(e));
                case RetentionServiceRefused e -> answer(e.requestId(), RequestState.REFUSED, e.reason());
                case ApartmentAllocated e -> {
                    answer(e.requestId(), RequestState.GRANTED, null);
                    apartment = e.apartment();
                    moveIn = e.moveIn();
                    moveOut = null;
                }
                case ApartmentVacated e -> moveOut = e.moveOut();
                case AllowanceGranted e -> {
                    answer(e.requestId(), RequestState.GRANTED, null);
                    grant(e, event.timestamp(), replay);
                }
                case SchoolPlaceGranted e -> {
                    answer(e.requestId(), RequestState.GRANTED, null);
                    schoolPlaces.add(e);
                }
                case ServiceCardIssued e -> {
                    answer(e.requestId(), RequestState.GRANTED, null);
                    cardNumber = e.cardNumber();
                    cardLevel = e.level();
                }
                case FollowUpVisitRecorded e -> visits.put(e.visitId(), new Visit(e));
                case VisitProblemResolved e -> {
                    Visit visit = visits.get(e.visitId());
                    if (visit != null) {
                        visit.resolutions.put(e.problem(), e.resolution());
                    }
                }
                case ProfessionalTitlePromoted e -> {
                    professionalTitle = e.professionalTitle();
                    promotedOn = e.promotedOn();
                }
                case RetentionMilestoneReached e -> milestones.put(e.years(), e.reachedOn());
                case TalentDeparted e -> departure = e;
                default -> {
                }
            }
        }

        private void answer(String requestId, RequestState state, String reason) {
            Request request = requestId == null ? null : requests.get(requestId);
            if (request != null) {
                request.state = state;
                request.refusalReason = reason;
            }
        }

        /** The grant as recorded, and the policy replay: the version in force at signing, as known at the decision. */
        private void grant(AllowanceGranted grant, Instant decidedAt, CandidateReplay replay) {
            LocalDate signedOn = opened.signedOn();
            PolicyVersion inForce = inForceOn(replay.policyAsOf(grant.policyId(), decidedAt), signedOn);
            Integer capInForce = inForce == null ? null : inForce.caps().get(grant.type());
            PolicyVerdict verdict;
            if (departure != null) {
                verdict = PolicyVerdict.NOT_IN_POST;
            } else if (inForce == null) {
                verdict = PolicyVerdict.NO_VERSION_IN_FORCE;
            } else if (inForce.version() != grant.policyVersion()) {
                verdict = PolicyVerdict.OTHER_VERSION_RECORDED;
            } else if (capInForce == null) {
                verdict = PolicyVerdict.TYPE_NOT_COVERED;
            } else if (grant.monthlyAmount() > capInForce) {
                verdict = PolicyVerdict.ABOVE_CAP;
            } else {
                verdict = PolicyVerdict.MET;
            }
            policyChecks.add(new PolicyCheck(caseId, grant.type(), grant.monthlyAmount(), grant.from().toString(),
                    decidedAt, grant.policyId(), grant.policyName(), grant.policyVersion(), grant.policyCap(),
                    signedOn, inForce == null ? null : inForce.version(),
                    inForce == null ? null : inForce.effectiveFrom(), capInForce, verdict));
            String path = "retention/" + caseId + "/allowances/" + grant.type().name() + "-" + grant.from() + "/";
            add(path + "type", "field.type", grant.type());
            add(path + "monthlyAmount", "field.monthlyAmount", grant.monthlyAmount());
            add(path + "from", "field.from", grant.from().toString());
            add(path + "until", "field.until", grant.until().toString());
            add(path + "grantedAt", "dossier.grantedAt", decidedAt);
            add(path + "policyName", "field.policyName", grant.policyName());
            add(path + "policyVersion", "field.policyVersion", grant.policyVersion());
            add(path + "policyCap", "field.policyCap", grant.policyCap());
            add(path + "versionInForce", "dossier.policyVersionInForce", inForce == null ? null : inForce.version());
            add(path + "inForceSince", "dossier.policyInForceSince",
                    inForce == null ? null : inForce.effectiveFrom());
            add(path + "capInForce", "dossier.policyCapInForce", capInForce);
            add(path + "policyVerdict", "dossier.policyVerdict", verdict);
        }

        private void add(String path, String labelKey, Object value) {
            if (value != null) {
                grants.add(new DossierLine(path, labelKey, value));
            }
        }

        DossierSection section() {
            Lines lines = new Lines("retention/" + caseId)
                    .add("employerName", "field.employerName", opened.employerName())
                    .add("post", "field.post", opened.post())
                    .add("sector", "field.sector", opened.sector())
                    .add("county", "field.county", opened.county())
                    .add("signedOn", "field.signedOn", opened.signedOn())
                    .add("startDate", "field.startDate", opened.startDate())
                    .add("specialistName", "field.specialistName", specialistName)
                    .add("apartment", "field.apartment", apartment)
                    .add("moveIn", "field.moveIn", moveIn)
                    .add("moveOut", "field.moveOut", moveOut)
                    .add("cardNumber", "field.cardNumber", cardNumber)
                    .add("cardLevel", "field.level", cardLevel)
                    .add("professionalTitle", "field.professionalTitle", professionalTitle)
                    .add("promotedOn", "field.promotedOn", promotedOn);
            milestones.forEach((years, reachedOn) ->
                    lines.add("milestones/" + years, "dossier.milestone." + years, reachedOn));
            if (departure != null) {
                lines.add("departedOn", "field.departedOn", departure.departedOn())
                        .add("departureReason", "dossier.departureReason", departure.reason())
                        .add("yearsInPost", "field.yearsInPost", departure.yearsInPost());
            }
            requests.values().forEach(request -> {
                String path = "requests/" + request.requested.requestId() + "/";
                lines.add(path + "type", "field.type", request.requested.type())
                        .add(path + "details", "field.details", request.requested.details())
                        .add(path + "state", "dossier.requestState", request.state)
                        .add(path + "refusalReason", "dossier.refusalReason", request.refusalReason);
            });
            List<DossierLine> all = new ArrayList<>(lines.lines);
            all.addAll(grants);
            for (int i = 0; i < schoolPlaces.size(); i++) {
                SchoolPlaceGranted place = schoolPlaces.get(i);
                String path = "retention/" + caseId + "/schoolPlaces/" + (i + 1) + "/";
                all.add(new DossierLine(path + "child", "field.child", place.child()));
                all.add(new DossierLine(path + "school", "field.school", place.school()));
                all.add(new DossierLine(path + "grade", "field.grade", place.grade()));
            }
            visits.values().forEach(visit -> all.addAll(visit.lines("retention/" + caseId + "/visits/")));
            return new DossierSection("retention/" + caseId, "dossier.section.retention", opened.employerName(),
                    all);
        }
    }

    private static final class Request {
        final RetentionServiceRequested requested;
        RequestState state = RequestState.OPEN;
        String refusalReason;

        Request(RetentionServiceRequested requested) {
            this.requested = requested;
        }
    }

    private static final class Visit {
        final FollowUpVisitRecorded recorded;
        final Map<String, String> resolutions = new HashMap<>();

        Visit(FollowUpVisitRecorded recorded) {
            this.recorded = recorded;
        }

        List<DossierLine> lines(String prefix) {
            List<DossierLine> lines = new ArrayList<>();
            String path = prefix + recorded.visitId() + "/";
            lines.add(new DossierLine(path + "visitedOn", "field.visitedOn", recorded.visitedOn()));
            lines.add(new DossierLine(path + "visitorName", "field.visitorName", recorded.visitorName()));
            lines.add(new DossierLine(path + "notes", "field.notes", recorded.notes()));
            for (int i = 0; i < recorded.problemsRaised().size(); i++) {
                String problem = recorded.problemsRaised().get(i);
                lines.add(new DossierLine(path + "problems/" + (i + 1) + "/problem", "field.problem", problem));
                String resolution = resolutions.get(problem);
                if (resolution != null) {
                    lines.add(new DossierLine(path + "problems/" + (i + 1) + "/resolution", "field.resolution",
                            resolution));
                }
            }
            return lines;
        }
    }
}
