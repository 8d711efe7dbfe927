package app.ombud.complaint;

import app.ombud.complaint.internal.CaseDocument;
import app.ombud.complaint.internal.CaseRules;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Leases;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
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
    private final app.ombud.complaint.internal.CaseJobs jobs;
    private final org.springframework.data.mongodb.gridfs.GridFsTemplate files;
    private final long maxEvidenceBytes;
    private final Idempotency idempotency;
    private final Leases leases;

    ComplaintService(MongoTemplate mongo, PolicyService policy, DirectoryService directory, Sequences sequences,
            AuditTrail audit, Clock clock, app.ombud.complaint.internal.CaseJobs jobs, Idempotency idempotency,
            Leases leases,
            org.springframework.data.mongodb.gridfs.GridFsTemplate files,
            @org.springframework.beans.factory.annotation.Value("${ombud.complaint.max-evidence-size:10MB}")
            org.springframework.util.unit.DataSize maxEvidenceSize) {
        this.jobs = jobs;
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
                    var taker = actor.employeeId() == null ? java.util.Optional.<Person>empty()
                            : directory.personByEmployeeId(actor.employeeId());
                    var taken = CaseDocument.intake(id, number, intake, grade,
                            deadlines(intake.receivedAt(), result.level(), intake.urgent()), earlier, actor,
                            taker.map(Person::departmentId).orElse(null), taker.map(Person::teamId).orElse(null), now);
                    if (intake.customer().phone() != null) {
                        // the customer is told the complaint was received (SPEC §1.1), with the policy's template
                        String text = app.ombud.policy.MessageTemplates.render(current.content().templates()
                                .acknowledgement().in(java.util.Locale.SIMPLIFIED_CHINESE), Map.of("caseNumber",
                                number, "customerName", intake.customer().name() == null ? ""
                                        : intake.customer().name(), "hotline",
                                current.content().templates().hotline()));
                        taken.queueMessage(new app.ombud.notification.OutboxMessage(UUID.nameUUIDFromBytes(
                                (number + "/ack").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                app.ombud.notification.Channel.SMS, intake.customer().phone(), null, text, "Case",
                                number), actor, now);
                    }
                    mongo.insert(taken);
                    return taken;
                });
        int level = document.grade().level();
        audit.record("case.intake", "Case", document.number(), Map.of("level", String.valueOf(level)));
        if (level == 1) {
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
        CurrentActor.requirePerson();
        String owner = TextInput.optional(ownerEmployeeId, "ownerEmployeeId", Kind.EMPLOYEE_ID);
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = visibleDocument(caseId);
        checkVersion(document, expectedVersion);
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
        var document = handledDocument(caseId, expectedVersion);
        document.acknowledge(CurrentActor.required(), clock.instant());
        return save(document, "case.acknowledged");
    }

    @PreAuthorize("hasAnyRole('DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase overrideLevel(UUID caseId, int level, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = visibleDocument(caseId);
        checkVersion(document, expectedVersion);
        if (level < 1 || level > 4) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "level", "{0} must be between {1} and {2}", "level",
                    1, 4);
        }
        document.overrideLevel(level, why, deadlines(document.receivedAt(), level, document.urgent()),
                CurrentActor.required(), clock.instant());
        var saved = save(document, "case.level-overridden");
        if (level == 1) {
            jobs.notifyLeadership();
            return mongo.findById(caseId, CaseDocument.class).view();
        }
        return saved;
    }

    /** A finding, a contact with the customer, or a progress update, by whoever handles the case. */
    @StaffOnly
    public ComplaintCase addNote(UUID caseId, CaseNote.Kind kind, String text, Long expectedVersion) {
        CurrentActor.requirePerson();
        String note = TextInput.required(text, "text", Kind.TEXT);
        var document = handledDocument(caseId, expectedVersion);
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
        var document = handledDocument(caseId, expectedVersion);
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
        var document = visibleDocument(caseId);
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
        CurrentActor.requirePerson();
        String owner = plan == null ? null : TextInput.optional(plan.ownerEmployeeId(), "ownerEmployeeId",
                Kind.EMPLOYEE_ID);
        String description = plan == null ? null : TextInput.optional(plan.description(), "description", Kind.NOTE);
        List<ResolutionPlan.Remedy> remedies = plan == null ? List.of() : plan.remedies().stream()
                .map(r -> new ResolutionPlan.Remedy(r.type(), r.amount(),
                        TextInput.optional(r.note(), "remedies.note", Kind.LINE))).toList();
        var document = handledDocument(caseId, expectedVersion);
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

    /** The result is told to the customer; the case waits for their answer. */
    @StaffOnly
    public ComplaintCase sendResult(UUID caseId, Feedback.ResultChannel channel, String result, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(result, "result", Kind.NOTE);
        var document = handledDocument(caseId, expectedVersion);
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
        CurrentActor.requirePerson();
        String remark = TextInput.optional(comment, "comment", Kind.NOTE);
        var document = handledDocument(caseId, expectedVersion);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "satisfaction", "{0} must be between {1} and {2}",
                    "satisfaction", 1, 5);
        }
        document.recordAnswer(accepted, satisfaction, remark, CurrentActor.required(),
                clock.instant());
        return save(document, accepted ? "case.accepted" : "case.rejected");
    }

    @StaffOnly
    public ComplaintCase decideValidity(UUID caseId, boolean valid, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = handledDocument(caseId, expectedVersion);
        document.decideValidity(valid, why, CurrentActor.required(), clock.instant());
        return save(document, valid ? "case.judged-valid" : "case.judged-invalid");
    }

    @StaffOnly
    public ComplaintCase closeAsInvalid(UUID caseId, String explanation, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(explanation, "explanation", Kind.NOTE);
        var document = handledDocument(caseId, expectedVersion);
        document.closeAsInvalid(text, CurrentActor.required(), clock.instant());
        return save(document, "case.closed-invalid");
    }

    @PreAuthorize("hasAnyRole('DEPT_HEAD','LEADERSHIP','ADMIN')")
    public ComplaintCase archive(UUID caseId, Long expectedVersion) {
        var document = visibleDocument(caseId);
        checkVersion(document, expectedVersion);
        document.archive(CurrentActor.required(), clock.instant());
        return save(document, "case.archived");
    }

    /**
     * Open cases Ombud must escalate by itself: resolution deadline breached, or rejected again
     * after a rework — and not escalated yet.
     */
    public List<EscalationCandidate> casesDueForEscalation(int limit) {
        Query query = Query.query(Criteria.where("status").in(CaseStatus.NEW, CaseStatus.DISPATCHED,
                CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_FEEDBACK).and("escalation").is(null)
                .orOperator(Criteria.where("deadlines.breachedAt").ne(null),
                        Criteria.where("escalationRequestedAt").ne(null))).limit(limit);
        return mongo.find(query, CaseDocument.class).stream().map(c -> new EscalationCandidate(c.id(),
                c.view().deadlines().breachedAt() != null ? EscalationCandidate.Trigger.DEADLINE_BREACHED
                        : EscalationCandidate.Trigger.REJECTED_AFTER_REWORK)).toList();
    }

    /** Links the case to its escalation, once, with a timeline entry. */
    public void markEscalated(UUID caseId, EscalationRef escalation, Actor actor) {
        var entry = new TimelineEntry(clock.instant(), actor.subject(), actor.name(), "escalated", null, null,
                escalation.number());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and("escalation").is(null)),
                new org.springframework.data.mongodb.core.query.Update().set("escalation", escalation)
                        .push("timeline", entry).inc("version", 1), CaseDocument.class);
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
                var saved = mongo.save(document);
                audit.record(actor, "case.escalation-closed", "Case", saved.number(),
                        Map.of("escalation", escalationNumber, "status", saved.status().name()));
                return saved.view();
            } catch (OptimisticLockingFailureException e) {
                // someone changed the case meanwhile: apply the result to what they saved
                if (attempt == 5) {
                    throw OmbudException.concurrentUpdate();
                }
            }
        }
    }

    /**
     * The steps the caller may take on the case now: what its status allows, and what the
     * caller's roles and relation to the case allow. The portal shows exactly these.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<CaseStep> allowedSteps(UUID caseId) {
        var document = visibleDocument(caseId);
        Actor actor = CurrentActor.required();
        var steps = java.util.EnumSet.noneOf(CaseStep.class);
        CaseStatus status = document.status();
        var view = document.view();
        if (status.canMoveTo(CaseStatus.DISPATCHED) && actor.namesPerson() && actor.hasAny(Role.TEAM_LEAD,
                Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN)) {
            steps.add(CaseStep.DISPATCH);
        }
        if (status.open() && actor.namesPerson() && actor.hasAny(Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN)) {
            steps.add(CaseStep.OVERRIDE_LEVEL);
        }
        if (status.canMoveTo(CaseStatus.ARCHIVED) && actor.hasAny(Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN)) {
            steps.add(CaseStep.ARCHIVE);
        }
        boolean handler;
        try {
            handledDocument(caseId, null);
            handler = true;
        } catch (OmbudException e) {
            handler = false;
        }
        if (handler) {
            if (status == CaseStatus.DISPATCHED) {
                steps.add(CaseStep.ACKNOWLEDGE);
            }
            if (status == CaseStatus.IN_PROGRESS) {
                steps.add(CaseStep.PLAN);
                if (view.plan() != null) {
                    steps.add(CaseStep.SEND_RESULT);
                }
                if (view.validity() != null && !view.validity().valid()) {
                    steps.add(CaseStep.CLOSE_INVALID);
                }
            }
            if (status == CaseStatus.AWAITING_FEEDBACK) {
                steps.add(CaseStep.RECORD_ANSWER);
            }
            if (status == CaseStatus.DISPATCHED || status == CaseStatus.IN_PROGRESS
                    || status == CaseStatus.AWAITING_FEEDBACK) {
                steps.add(CaseStep.ADD_NOTE);
                steps.add(CaseStep.DECIDE_VALIDITY);
            }
        }
        return steps;
    }

    @PreAuthorize("isAuthenticated()")
    public ComplaintCase get(UUID caseId) {
        return present(visibleDocument(caseId).view(), CurrentActor.required());
    }

    /** The cases the caller may see, urgent ones first (they jump the queue), then newest first. */
    @PreAuthorize("isAuthenticated()")
    public Window<ComplaintCase> search(CaseFilter filter, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        refusePersonalFilters(filter, actor);
        Query query = new Query(new Criteria().andOperator(visibility(actor), criteria(filter)))
                .with(Sort.by(Sort.Order.desc("urgent"), Sort.Order.desc("receivedAt"), Sort.Order.desc("id")))
                .limit(size);
        return mongo.scroll(query.with(position), CaseDocument.class).map(d -> present(d.view(), actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(CaseFilter filter) {
        Actor actor = CurrentActor.required();
        refusePersonalFilters(filter, actor);
        return mongo.count(new Query(new Criteria().andOperator(visibility(actor), criteria(filter))),
                CaseDocument.class);
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
        List<Criteria> same = new ArrayList<>();
        if (customer.phone() != null) {
            same.add(Criteria.where("customer.phone").is(customer.phone()));
        }
        if (customer.account() != null) {
            same.add(Criteria.where("customer.account").is(customer.account()));
        }
        Query query = Query.query(new Criteria().andOperator(new Criteria().orOperator(same),
                Criteria.where("category").is(category), Criteria.where("receivedAt").gte(from).lte(to)))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(100);
        return mongo.query(CaseDocument.class).as(IdOnly.class).matching(query).all().stream().map(IdOnly::id)
                .toList();
    }

    /**
     * Which cases an actor may see (SPEC: agents theirs, leads their team's, heads their
     * department's, the superior department those escalated to it).
     */
    private Criteria visibility(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        String me = actor.employeeId() != null ? actor.employeeId() : actor.subject();
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("intakeBy").is(me));
        any.add(Criteria.where("assignment.ownerEmployeeId").is(me));
        var person = actor.employeeId() == null ? java.util.Optional.<Person>empty()
                : directory.personByEmployeeId(actor.employeeId());
        person.ifPresent(p -> {
            if (actor.has(Role.DEPT_HEAD) && p.departmentId() != null) {
                any.add(Criteria.where("assignment.departmentId").is(p.departmentId()));
                any.add(Criteria.where("intakeDepartmentId").is(p.departmentId()));
            }
            if (actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD) && p.departmentId() != null) {
                // the superior department sees the cases escalated to it
                any.add(Criteria.where("escalation.toDepartmentId").is(p.departmentId()));
            }
            if (actor.has(Role.TEAM_LEAD) && p.teamId() != null) {
                any.add(Criteria.where("assignment.teamId").is(p.teamId()));
                any.add(Criteria.where("intakeTeamId").is(p.teamId()));
            }
        });
        return new Criteria().orOperator(any);
    }

    /** BI readers cannot search by the customer's phone or by free text (it would test whether a number complained). */
    private static void refusePersonalFilters(CaseFilter filter, Actor actor) {
        PersonalData.refuseFilter(actor, "customerPhone", filter.customerPhone());
        PersonalData.refuseFilter(actor, "text", filter.text());
    }

    private Criteria criteria(CaseFilter filter) {
        List<Criteria> where = new ArrayList<>();
        if (filter.number() != null && !filter.number().isBlank()) {
            where.add(Criteria.where("number").is(filter.number().strip()));
        }
        if (filter.from() != null) {
            where.add(Criteria.where("receivedAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            where.add(Criteria.where("receivedAt").lt(filter.to()));
        }
        if (filter.level() != null) {
            where.add(Criteria.where("grade.level").is(filter.level()));
        }
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.category() != null) {
            where.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.departmentId() != null) {
            where.add(Criteria.where("assignment.departmentId").is(filter.departmentId()));
        }
        if (filter.channel() != null) {
            where.add(Criteria.where("channel").is(filter.channel()));
        }
        if (filter.customerPhone() != null && !filter.customerPhone().isBlank()) {
            where.add(Criteria.where("customer.phone").is(filter.customerPhone().strip()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = Pattern.quote(filter.text().strip());
            where.add(new Criteria().orOperator(Criteria.where("subject").regex(text, "i"),
                    Criteria.where("description").regex(text, "i"), Criteria.where("number").regex(text, "i")));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }

    /**
     * A case the caller handles: its owner, its team lead or department head, leadership, admins —
     * always a person (an API client handles no case).
     */
    private CaseDocument handledDocument(UUID caseId, Long expectedVersion) {
        CurrentActor.requirePerson();
        var document = visibleDocument(caseId);
        checkVersion(document, expectedVersion);
        Actor actor = CurrentActor.required();
        if (actor.hasAny(Role.ADMIN, Role.LEADERSHIP)) {
            return document;
        }
        var assignment = document.assignment();
        if (assignment != null) {
            String me = actor.employeeId() != null ? actor.employeeId() : actor.subject();
            if (me.equals(assignment.ownerEmployeeId())) {
                return document;
            }
            var person = actor.employeeId() == null ? java.util.Optional.<Person>empty()
                    : directory.personByEmployeeId(actor.employeeId());
            boolean head = actor.has(Role.DEPT_HEAD)
                    && person.map(p -> assignment.departmentId().equals(p.departmentId())).orElse(false);
            boolean lead = actor.has(Role.TEAM_LEAD) && assignment.teamId() != null
                    && person.map(p -> assignment.teamId().equals(p.teamId())).orElse(false);
            if (head || lead) {
                return document;
            }
        }
        throw OmbudException.forbidden("CASE_NOT_HANDLER", "You do not handle case {0}", document.number());
    }

    private CaseDocument visibleDocument(UUID caseId) {
        Actor actor = CurrentActor.required();
        var document = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(caseId),
                visibility(actor))), CaseDocument.class);
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

    private ComplaintCase save(CaseDocument document, String action) {
        try {
            var saved = mongo.save(document);
            audit.record(action, "Case", saved.number(), Map.of("status", saved.status().name()));
            return saved.view();
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.conflict("CONCURRENT_UPDATE",
                    "Someone else changed this record meanwhile; reload and try again");
        }
    }

    private static void checkVersion(CaseDocument document, Long expected) {
        if (expected != null && !expected.equals(document.version() == null ? 0L : document.version())) {
            throw OmbudException.conflict("CONCURRENT_UPDATE",
                    "Someone else changed this record meanwhile; reload and try again");
        }
    }
}
