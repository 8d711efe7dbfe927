package app.ombud.complaint;

import app.ombud.complaint.internal.CaseDocument;
import app.ombud.complaint.internal.CaseJobs;
import app.ombud.complaint.internal.CaseQueries;
import app.ombud.complaint.internal.CaseReader;
import app.ombud.complaint.internal.CaseRules;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Leases;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.RecordWrites;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import app.ombud.policy.CaseFacts;
import app.ombud.policy.LevelRule;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Complaint cases (SPEC §1): intake with grading and repeat detection, dispatch by level,
 * acknowledgement, level override — each one atomic update of the case with its timeline.
 * Who sees which case is decided here, for the API and the portal alike.
 */
@Service
public class ComplaintService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** How far ahead a resolution plan may be due: a plan for next year is no plan. */
    public static final Duration MAX_PLAN_AHEAD = Duration.ofDays(366);

    private final MongoTemplate mongo;
    private final PolicyService policy;
    private final DirectoryService directory;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;
    private final CaseJobs jobs;
    private final RecordWrites writes;
    private final org.springframework.data.mongodb.gridfs.GridFsTemplate files;
    private final long maxEvidenceBytes;
    private final Idempotency idempotency;
    private final Leases leases;

    ComplaintService(MongoTemplate mongo, PolicyService policy, DirectoryService directory, Sequences sequences,
            AuditTrail audit, Clock clock, CaseJobs jobs, Idempotency idempotency, Leases leases, RecordWrites writes,
            org.springframework.data.mongodb.gridfs.GridFsTemplate files,
            @org.springframework.beans.factory.annotation.Value("${ombud.complaint.max-evidence-size:10MB}")
            org.springframework.util.unit.DataSize maxEvidenceSize) {
        this.jobs = jobs;
        this.writes = writes;
        this.idempotency = idempotency;
        this.leases = leases;
        this.files = files;
        this.maxEvidenceBytes = maxEvidenceSize.toBytes();
        this.mongo = mongo;
        this.policy = policy;
        this.directory = directory;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes in a complaint: validates, numbers, links earlier complaints, grades, sets deadlines. */
    @PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase intake(CaseIntake input) {
        return intake(input, IdempotencyKey.NONE);
    }

    /**
     * Takes in a complaint once per key: a repeat of the same request with the same key (a retry,
     * a double click) returns the case the first one took in, and the customer gets one SMS.
     */
    @PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase intake(CaseIntake input, IdempotencyKey key) {
        return idempotency.once("case.intake", key, input, id -> takeIn(id, input),
                id -> java.util.Optional.ofNullable(mongo.findById(id, CaseDocument.class)).map(CaseDocument::view));
    }

    private ComplaintCase takeIn(UUID id, CaseIntake input) {
        Actor actor = CurrentActor.required();
        var checked = CaseRules.validate(input, clock.instant());
        PolicyVersion current = policy.current();
        var grading = current.content().grading();
        // the count of the customer's earlier complaints must see every intake before this one, also
        // those arriving at the same moment: one intake per customer and category at a time, each
        // received (when not given) once it holds the lease, so the order of receipt is the order of counting
        var document = leases.exclusively(sameCustomer(checked.customer(), checked.category()), Duration.ofSeconds(30),
                () -> {
                    Instant now = clock.instant();
                    var intake = CaseRules.validate(input, now);
                    List<UUID> earlier = earlierCases(intake.customer(), intake.category(),
                            intake.receivedAt().minus(Duration.ofDays(grading.repeatWindowDays())),
                            intake.receivedAt());
                    var result = grading.evaluate(new CaseFacts(intake.category(), intake.flags(),
                            intake.compensationAsked(), earlier.size()), current.number());
                    var grade = new Grade(result.level(), result.matchedCriteria(), result.fallback(),
                            result.policyVersion(), result.level(), null, null);
                    String day = DAY.format(intake.receivedAt().atZone(current.content().calendar().zone()));
                    String number = "KS-%s-%04d".formatted(day, sequences.next("case-" + day));
                    var taker = CaseReader.of(actor, directory);
                    var taken = CaseDocument.intake(id, number, intake, grade,
                            deadlines(intake.receivedAt(), result.level(), intake.urgent()), earlier, actor,
                            taker.departmentId(), taker.teamId(), now);
                    if (intake.customer().phone() != null) {
                        // the customer is told the complaint was received (SPEC §1.1), with the policy's template
                        String text = app.ombud.policy.MessageTemplates.render(current.content().templates()
                                .acknowledgement().in(java.util.Locale.SIMPLIFIED_CHINESE), Map.of("caseNumber",
                                number, "customerName", intake.customer().name() == null ? ""
                                        : intake.customer().name(), "hotline",
                                current.content().templates().hotline()));
                        taken.queueMessage(new app.ombud.notification.OutboxMessage(NoticeIds.of(number, "ack"),
                                app.ombud.notification.Channel.SMS, intake.customer().phone(), null, text, "Case",
                                number), actor, now);
                    }
                    mongo.insert(taken);
                    return taken;
                });
        int level = document.grade().level();
        audit.record("case.intake", "Case", document.number(), Map.of("level", String.valueOf(level)));
        if (grading.level(level).tellsLeadership()) {
            jobs.notifyLeadership();
            return mongo.findById(document.id(), CaseDocument.class).view();
        }
        return document.view();
    }

    /** The lease names of one customer's complaints in one category: by phone and by account. */
    private static List<String> sameCustomer(Customer customer, app.ombud.policy.CaseCategory category) {
        List<String> names = new ArrayList<>();
        if (customer.phone() != null) {
            names.add("case-customer/phone/" + customer.phone() + "/" + category);
        }
        if (customer.account() != null) {
            names.add("case-customer/account/" + customer.account() + "/" + category);
        }
        return names;
    }

    /** Assigns the case to a department (and team or person) and states what the level requires. */
    @PreAuthorize("hasAnyRole('TEAM_LEAD','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase dispatch(UUID caseId, UUID departmentId, UUID teamId, String ownerEmployeeId, String note,
            Long expectedVersion) {
        refuseClient(CaseStep.DISPATCH);
        String owner = TextInput.optional(ownerEmployeeId, "ownerEmployeeId", Kind.EMPLOYEE_ID);
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.DISPATCH, expectedVersion);
        if (departmentId == null) {
            throw OmbudException.badRequest("REQUIRED", "departmentId", "{0} is required", "departmentId");
        }
        directory.department(departmentId);
        if (teamId != null && !directory.team(teamId).departmentId().equals(departmentId)) {
            throw OmbudException.badRequest("TEAM_NOT_IN_DEPARTMENT", "teamId",
                    "The team does not belong to the chosen department");
        }
        if (owner != null && directory.personByEmployeeId(owner).filter(Person::active).isEmpty()) {
            throw OmbudException.badRequest("PERSON_NOT_FOUND", "ownerEmployeeId", "No active person {0}", owner);
        }
        LevelRule level = policy.current().content().grading().level(document.grade().level());
        document.dispatch(new Assignment(departmentId, teamId, owner, level.handler()),
                CurrentActor.required(), clock.instant(), text);
        return save(document, "case.dispatched");
    }

    /** The handler takes the case on: the acknowledgement is recorded and work starts. */
    @StaffOnly
    public ComplaintCase acknowledge(UUID caseId, Long expectedVersion) {
        var document = stepOn(caseId, CaseStep.ACKNOWLEDGE, expectedVersion);
        document.acknowledge(CurrentActor.required(), clock.instant());
        return save(document, "case.acknowledged");
    }

    /** Sets another level than the one in force, with a reason (LEVEL_UNCHANGED for the same level). */
    @PreAuthorize("hasAnyRole('DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase overrideLevel(UUID caseId, int level, String reason, Long expectedVersion) {
        refuseClient(CaseStep.OVERRIDE_LEVEL);
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.OVERRIDE_LEVEL, expectedVersion);
        var grading = policy.current().content().grading();
        if (grading.levels().stream().noneMatch(l -> l.level() == level)) {
            var levels = grading.levels().stream().mapToInt(LevelRule::level).summaryStatistics();
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "level", "{0} must be between {1} and {2}", "level",
                    levels.getMin(), levels.getMax());
        }
        document.overrideLevel(level, why, deadlines(document.receivedAt(), level, document.urgent()),
                CurrentActor.required(), clock.instant());
        var saved = save(document, "case.level-overridden");
        if (grading.level(level).tellsLeadership()) {
            jobs.notifyLeadership();
            return mongo.findById(caseId, CaseDocument.class).view();
        }
        return saved;
    }

    /** A finding, a contact with the customer, or a progress update, by whoever handles the case. */
    @StaffOnly
    public ComplaintCase addNote(UUID caseId, CaseNote.Kind kind, String text, Long expectedVersion) {
        refuseClient(CaseStep.ADD_NOTE);
        String note = TextInput.required(text, "text", Kind.TEXT);
        var document = stepOn(caseId, CaseStep.ADD_NOTE, expectedVersion);
        if (kind == null) {
            throw OmbudException.badRequest("REQUIRED", "kind", "{0} is required", "kind");
        }
        document.addNote(kind, note, CurrentActor.required(), clock.instant());
        return save(document, "case.noted");
    }

    /** File types accepted as evidence: documents, images, call recordings, text. */
    public static final Map<String, String> EVIDENCE_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"),
            Map.entry("txt", "text/plain"), Map.entry("docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /**
     * Attaches a file to a case (stored in GridFS). The file is stored first and then linked to
     * the case in one update; if linking fails the stored file is removed again.
     */
    @StaffOnly
    public ComplaintCase attachEvidence(UUID caseId, String filename, byte[] content, Long expectedVersion) {
        var document = stepOn(caseId, CaseStep.ATTACH_EVIDENCE, expectedVersion);
        // control and format characters (e.g. U+202E, which shows "fdp.exe" as "exe.pdf") become "_"
        String name = filename == null ? "" : filename.strip().replaceAll("[\\\\/\\p{Cntrl}\\p{Cf}]", "_");
        if (name.isEmpty() || name.length() > 200) {
            throw OmbudException.badRequest("EVIDENCE_NAME_INVALID", "file", "Give the file a name of up to 200 characters");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        String type = EVIDENCE_TYPES.get(extension);
        if (type == null) {
            throw OmbudException.badRequest("EVIDENCE_TYPE_NOT_ALLOWED", "file",
                    "Files of type .{0} are not accepted; allowed: {1}", extension,
                    String.join(", ", new java.util.TreeSet<>(EVIDENCE_TYPES.keySet())));
        }
        if (content == null || content.length == 0) {
            throw OmbudException.badRequest("EVIDENCE_EMPTY", "file", "The file is empty");
        }
        if (content.length > maxEvidenceBytes) {
            throw OmbudException.badRequest("EVIDENCE_TOO_LARGE", "file", "The file is larger than {0} MB",
                    maxEvidenceBytes / (1024 * 1024));
        }
        Actor actor = CurrentActor.required();
        var metadata = new org.bson.Document("caseId", caseId.toString()).append("uploadedBy", actor.subject());
        String fileId = files.store(new java.io.ByteArrayInputStream(content), name, type, metadata).toHexString();
        try {
            document.attach(new Evidence(fileId, name, type, content.length, actor.subject(), clock.instant()), actor,
                    clock.instant());
            return save(document, "case.evidence-added");
        } catch (RuntimeException e) {
            files.delete(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(fileId))));
            throw e;
        }
    }

    /** An evidence file of a case the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public EvidenceFile evidenceFile(UUID caseId, String fileId) {
        PersonalData.refuse(CurrentActor.required(), "evidence files");
        var document = visibleDocument(caseId, reader());
        var evidence = document.evidence(fileId).orElseThrow(() -> OmbudException.notFound("EVIDENCE_NOT_FOUND",
                "No file {0} on this case", fileId));
        var stored = files.findOne(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(fileId))));
        if (stored == null) {
            throw OmbudException.notFound("EVIDENCE_NOT_FOUND", "No file {0} on this case", fileId);
        }
        try {
            return new EvidenceFile(evidence, files.getResource(stored).getInputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The resolution plan: remedies (compensation with an amount), owner, due time. */
    @StaffOnly
    public ComplaintCase planResolution(UUID caseId, ResolutionPlan plan, Long expectedVersion) {
        refuseClient(CaseStep.PLAN);
        String owner = plan == null ? null : TextInput.optional(plan.ownerEmployeeId(), "ownerEmployeeId",
                Kind.EMPLOYEE_ID);
        String description = plan == null ? null : TextInput.optional(plan.description(), "description", Kind.NOTE);
        List<ResolutionPlan.Remedy> remedies = plan == null ? List.of() : plan.remedies().stream()
                .map(r -> new ResolutionPlan.Remedy(r.type(), r.amount(),
                        TextInput.optional(r.note(), "remedies.note", Kind.LINE))).toList();
        var document = stepOn(caseId, CaseStep.PLAN, expectedVersion);
        if (remedies.isEmpty()) {
            throw OmbudException.badRequest("PLAN_WITHOUT_REMEDY", "remedies", "Choose at least one remedy");
        }
        for (var remedy : remedies) {
            if (remedy.type() == null) {
                throw OmbudException.badRequest("REQUIRED", "remedies.type", "{0} is required", "remedies.type");
            }
            boolean compensation = remedy.type() == ResolutionPlan.Type.COMPENSATION;
            if (compensation && (remedy.amount() == null || remedy.amount().signum() <= 0)) {
                throw OmbudException.badRequest("COMPENSATION_AMOUNT_REQUIRED", "remedies.amount",
                        "A compensation needs an amount above zero");
            }
            if (!compensation && remedy.amount() != null) {
                throw OmbudException.badRequest("AMOUNT_ONLY_FOR_COMPENSATION", "remedies.amount",
                        "Only a compensation has an amount");
            }
        }
        if (plan.due() == null) {
            throw OmbudException.badRequest("REQUIRED", "due", "{0} is required", "due");
        }
        TimeInput.future(plan.due(), "due", clock.instant(), MAX_PLAN_AHEAD);
        if (owner == null || directory.personByEmployeeId(owner).filter(Person::active).isEmpty()) {
            throw OmbudException.badRequest("PERSON_NOT_FOUND", "ownerEmployeeId", "No active person {0}", owner);
        }
        document.planResolution(new ResolutionPlan(remedies, owner, plan.due(), description), CurrentActor.required(),
                clock.instant());
        return save(document, "case.planned");
    }

    /**
     * The due time a (re-)plan of the case starts from: the current plan's while still ahead, else
     * the case's deadline while ahead, else the level's handling time from now (a rework).
     */
    @PreAuthorize("isAuthenticated()")
    public Instant suggestedPlanDue(UUID caseId) {
        var document = visibleDocument(caseId, reader());
        Instant now = clock.instant();
        var content = policy.current().content();
        return document.suggestedPlanDue(now, content.calendar().addWorkingDays(now,
                content.grading().level(document.grade().level()).resolutionWorkingDays()));
    }

    /** The result is told to the customer; the case waits for their answer. */
    @StaffOnly
    public ComplaintCase sendResult(UUID caseId, Feedback.ResultChannel channel, String result, Long expectedVersion) {
        refuseClient(CaseStep.SEND_RESULT);
        String text = TextInput.required(result, "result", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.SEND_RESULT, expectedVersion);
        if (channel == null) {
            throw OmbudException.badRequest("REQUIRED", "channel", "{0} is required", "channel");
        }
        document.sendResult(channel, text, CurrentActor.required(), clock.instant());
        return save(document, "case.result-sent");
    }

    /**
     * The customer's answer: accepted closes the case; rejected sends it back to handling as a
     * rework. A rejection after a rework is marked in the timeline as an escalation trigger.
     */
    @StaffOnly
    public ComplaintCase recordAnswer(UUID caseId, boolean accepted, Integer satisfaction, String comment,
            Long expectedVersion) {
        refuseClient(CaseStep.RECORD_ANSWER);
        String remark = TextInput.optional(comment, "comment", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.RECORD_ANSWER, expectedVersion);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "satisfaction", "{0} must be between {1} and {2}",
                    "satisfaction", 1, 5);
        }
        document.recordAnswer(accepted, satisfaction, remark, CurrentActor.required(), clock.instant());
        return save(document, accepted ? "case.accepted" : "case.rejected");
    }

    @StaffOnly
    public ComplaintCase decideValidity(UUID caseId, boolean valid, String reason, Long expectedVersion) {
        refuseClient(CaseStep.DECIDE_VALIDITY);
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.DECIDE_VALIDITY, expectedVersion);
        document.decideValidity(valid, why, CurrentActor.required(), clock.instant());
        return save(document, valid ? "case.judged-valid" : "case.judged-invalid");
    }

    @StaffOnly
    public ComplaintCase closeAsInvalid(UUID caseId, String explanation, Long expectedVersion) {
        refuseClient(CaseStep.CLOSE_INVALID);
        String text = TextInput.required(explanation, "explanation", Kind.NOTE);
        var document = stepOn(caseId, CaseStep.CLOSE_INVALID, expectedVersion);
        document.closeAsInvalid(text, CurrentActor.required(), clock.instant());
        return save(document, "case.closed-invalid");
    }

    @PreAuthorize("hasAnyRole('DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase archive(UUID caseId, Long expectedVersion) {
        var document = stepOn(caseId, CaseStep.ARCHIVE, expectedVersion);
        document.archive(CurrentActor.required(), clock.instant());
        return save(document, "case.archived");
    }

    /**
     * Open cases Ombud must escalate by itself: resolution deadline breached, or rejected again
     * after a rework — and not escalated yet.
     */
    public List<EscalationCandidate> casesDueForEscalation(int limit) {
        return mongo.find(CaseQueries.dueForEscalation(limit), CaseDocument.class).stream()
                .map(c -> new EscalationCandidate(c.id(), c.view().deadlines().breachedAt() != null
                        ? EscalationCandidate.Trigger.DEADLINE_BREACHED
                        : EscalationCandidate.Trigger.REJECTED_AFTER_REWORK)).toList();
    }

    /**
     * Links the case to its escalation, once, with a timeline entry — a mark of its own on the case
     * ({@link RecordWrites#mark}), so it does not make a handler's next save of the case fail.
     */
    public void markEscalated(UUID caseId, EscalationRef escalation, Actor actor) {
        writes.mark(CaseDocument.class, caseId, CaseQueries.notEscalated(),
                CaseQueries.escalated(escalation, actor, clock.instant()));
    }

    /**
     * The result of a closed escalation returns to its case (SPEC §2): the result told to the
     * customer and their answer join the case's feedback, the timeline names the escalation, and
     * a case still open is closed, so it is no longer counted overdue. Called by the escalation
     * module when an escalation closes (and by its job after a crash); safe to repeat.
     */
    @PreAuthorize("isAuthenticated()")
    public ComplaintCase closeByEscalation(UUID caseId, String escalationNumber, Feedback result, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            var document = mongo.findById(caseId, CaseDocument.class);
            if (document == null) {
                throw OmbudException.notFound("CASE_NOT_FOUND", "No case {0} that you may see", caseId);
            }
            if (!document.closeByEscalation(escalationNumber, result, actor, clock.instant())) {
                return document.view();
            }
            try {
                var saved = writes.save(document);
                audit.record(actor, "case.escalation-closed", "Case", saved.number(),
                        Map.of("escalation", escalationNumber, "status", saved.status().name()));
                return saved.view();
            } catch (OmbudException e) {
                // someone changed the case meanwhile: apply the result to what they saved
                if (!e.isConcurrentUpdate() || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * The steps the caller may take on the case now ({@link CaseDocument#refusal}, the same rule
     * the commands apply). The portal shows exactly these.
     */
    @PreAuthorize("isAuthenticated()")
    public Set<CaseStep> allowedSteps(UUID caseId) {
        var reader = reader();
        var document = visibleDocument(caseId, reader);
        return document.allowedSteps(reader.callerOf(document));
    }

    /** The steps the caller may take on each of these cases: one query and one directory call for the lot. */
    @PreAuthorize("isAuthenticated()")
    public Map<UUID, Set<CaseStep>> allowedSteps(Collection<UUID> caseIds) {
        var reader = reader();
        Map<UUID, Set<CaseStep>> steps = new HashMap<>();
        for (CaseDocument document : mongo.find(Query.query(new Criteria().andOperator(
                CaseQueries.visibleTo(reader), Criteria.where("_id").in(caseIds))), CaseDocument.class)) {
            steps.put(document.id(), document.allowedSteps(reader.callerOf(document)));
        }
        return steps;
    }

    @PreAuthorize("isAuthenticated()")
    public ComplaintCase get(UUID caseId) {
        return present(visibleDocument(caseId, reader()).view(), CurrentActor.required());
    }

    /** The cases the caller may see, urgent ones first (they jump the queue), then newest first. */
    @PreAuthorize("isAuthenticated()")
    public Window<ComplaintCase> search(CaseFilter filter, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        refusePersonalFilters(filter, actor);
        Query query = CaseQueries.search(filter, reader()).limit(size);
        return mongo.scroll(query.with(position), CaseDocument.class).map(d -> present(d.view(), actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(CaseFilter filter) {
        Actor actor = CurrentActor.required();
        refusePersonalFilters(filter, actor);
        return mongo.count(CaseQueries.search(filter, reader()), CaseDocument.class);
    }

    // ---- rules -------------------------------------------------------------------------

    private record IdOnly(@org.springframework.data.annotation.Id UUID id) {
    }

    private Deadlines deadlines(Instant receivedAt, int level, boolean urgent) {
        var content = policy.current().content();
        var rule = content.grading().level(level);
        int ackHours = urgent ? content.grading().levels().stream().mapToInt(LevelRule::acknowledgeHours).min()
                .orElse(rule.acknowledgeHours()) : rule.acknowledgeHours();
        var calendar = content.calendar();
        return new Deadlines(calendar.addWorkingHours(receivedAt, ackHours),
                calendar.addWorkingDays(receivedAt, rule.resolutionWorkingDays()), null, null);
    }

    private List<UUID> earlierCases(Customer customer, app.ombud.policy.CaseCategory category, Instant from,
            Instant to) {
        return mongo.query(CaseDocument.class).as(IdOnly.class)
                .matching(CaseQueries.sameCustomer(customer, category, from, to)).all().stream().map(IdOnly::id)
                .toList();
    }

    /**
     * BI readers cannot search by the customer (name or phone) or by free text: it would test
     * whether a person complained.
     */
    private static void refusePersonalFilters(CaseFilter filter, Actor actor) {
        PersonalData.refuseFilter(actor, "customerPhone", filter.customerPhone());
        PersonalData.refuseFilter(actor, "customer", filter.customer());
        PersonalData.refuseFilter(actor, "text", filter.text());
    }

    /** The caller of this request with their department and team: the one directory call. */
    private CaseReader reader() {
        return CaseReader.of(CurrentActor.required(), directory);
    }

    /**
     * The case for a step: visible to the caller, at the version they read, and the step allowed
     * to them now ({@link CaseDocument#require}).
     */
    private CaseDocument stepOn(UUID caseId, CaseStep step, Long expectedVersion) {
        refuseClient(step);
        var reader = reader();
        var document = visibleDocument(caseId, reader);
        if (expectedVersion != null && !expectedVersion.equals(document.version() == null ? 0L
                : document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        document.require(step, reader.callerOf(document));
        return document;
    }

    /** PERSON_REQUIRED for an API client, before anything else is checked, for a step of people. */
    private static void refuseClient(CaseStep step) {
        if (CaseDocument.takenByPerson(step)) {
            CurrentActor.requirePerson();
        }
    }

    private CaseDocument visibleDocument(UUID caseId, CaseReader reader) {
        var document = mongo.findOne(CaseQueries.visible(caseId, reader), CaseDocument.class);
        if (document == null) {
            throw OmbudException.notFound("CASE_NOT_FOUND", "No case {0} that you may see", caseId);
        }
        return document;
    }

    /** The case as this reader may see it: for BI readers the customer and every free text masked. */
    private static ComplaintCase present(ComplaintCase view, Actor actor) {
        if (!PersonalData.hiddenFrom(actor)) {
            return view;
        }
        return PersonalData.maskTexts(new ComplaintCase(view.id(), view.number(), view.channel(),
                view.customer().masked(), view.subject(), view.description(), view.category(), view.flags(),
                view.compensationAsked(), view.urgent(), view.receivedAt(), view.intakeBy(), view.status(),
                view.grade(), view.assignment(), view.deadlines(), view.acknowledgedAt(), view.repeatCount(),
                view.earlierCases(), view.reworkCount(), view.notes(), view.evidence(), view.plan(), view.feedback(),
                view.validity(), view.closedAt(), view.archivedAt(), view.escalation(), view.timeline(),
                view.version()));
    }

    /** A person's step: one versioned save that leaves the jobs' marks alone ({@link RecordWrites}). */
    private ComplaintCase save(CaseDocument document, String action) {
        var saved = writes.save(document);
        audit.record(action, "Case", saved.number(), Map.of("status", saved.status().name()));
        return saved.view();
    }
}
