package app.ombud.platform;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.complaint.CaseIntake;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Customer;
import app.ombud.complaint.IntakeChannel;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.notification.internal.OutboxDispatcher;
import app.ombud.policy.CaseCategory;
import app.ombud.review.DemandKind;
import app.ombud.review.ReviewQueries;
import app.ombud.review.WorkOrder;
import app.ombud.review.WorkOrders;
import app.ombud.support.ApiAccess;
import app.ombud.support.MovableClock;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The Idempotency-Key header on creating mutations (IETF httpapi draft): a repeat gives the first
 * result and nothing else happens, also when the repeats arrive together.
 */
@OmbudIntegrationTest
class IdempotencyTest {

    static final String INTAKE = """
            mutation($phone: String!, $subject: String!) { intakeCase(input: {channel: HOTLINE,
              customer: {name: "李女士", phone: $phone}, subject: $subject, category: SERVICE_ATTITUDE}) {
              case { id number repeatCount } } }
            """;

    @Autowired
    ApiAccess api;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxDispatcher outbox;

    @Autowired
    ComplaintService cases;

    @Autowired
    DirectoryService directory;

    @Autowired
    ReviewQueries reviews;


    @Autowired

    WorkOrders workOrders;

    @Autowired
    EscalationService escalations;

    private static String uniquePhone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    private HttpGraphQlTester withKey(HttpGraphQlTester tester, String key) {
        return tester.mutate().header(IdempotencyKey.HEADER, key).build();
    }

    private static <T> List<T> together(int count, Callable<T> work) throws Exception {
        var start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void fiftyIdenticalIntakesAtOnceTakeInOneCaseAndQueueOneSms() throws Exception {
        String phone = uniquePhone();
        var agent = withKey(api.as(Role.AGENT), "intake-" + UUID.randomUUID());
        List<String> ids = together(50, () -> agent.document(INTAKE).variable("phone", phone)
                .variable("subject", "坐席态度差").execute().path("intakeCase.case.id").entity(String.class).get());

        assertThat(ids).hasSize(50).containsOnly(ids.getFirst());
        assertThat(mongo.count(Query.query(Criteria.where("customer.phone").is(phone)), "cases")).isOne();
        outbox.relay();
        assertThat(mongo.count(Query.query(Criteria.where("recipient").is(phone)), "outbox")).isOne();
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndAnotherCallersKeyIsTheirOwn() {
        String phone = uniquePhone();
        String key = "\"" + UUID.randomUUID() + "\"";
        var agent = withKey(api.as(Role.AGENT), key);
        String first = agent.document(INTAKE).variable("phone", phone).variable("subject", "坐席态度差").execute()
                .path("intakeCase.case.id").entity(String.class).get();

        agent.document(INTAKE).variable("phone", phone).variable("subject", "另一件事").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED")));
        // the structured-field form "…" and the bare token are the same key
        String again = withKey(api.as(Role.AGENT), key.substring(1, key.length() - 1)).document(INTAKE)
                .variable("phone", phone).variable("subject", "坐席态度差").execute()
                .path("intakeCase.case.id").entity(String.class).get();
        assertThat(again).isEqualTo(first);

        // another caller with the same key takes in a case of its own
        String theirs = withKey(api.as(Role.AGENT, Role.TEAM_LEAD), key).document(INTAKE).variable("phone", phone)
                .variable("subject", "坐席态度差").execute().path("intakeCase.case.id").entity(String.class).get();
        assertThat(theirs).isNotEqualTo(first);
        assertThat(mongo.count(Query.query(Criteria.where("customer.phone").is(phone)), "cases")).isEqualTo(2);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForTheCorrectedOne() {
        String phone = uniquePhone();
        var agent = withKey(api.as(Role.AGENT), UUID.randomUUID().toString());
        agent.document(INTAKE).variable("phone", phone).variable("subject", " ").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "REQUIRED")));
        agent.document(INTAKE).variable("phone", phone).variable("subject", "坐席态度差").execute()
                .path("intakeCase.case.id").hasValue();
    }

    @Test
    void aMalformedKeyIsRefusedAndNothingIsTakenIn() {
        String phone = uniquePhone();
        for (String key : new String[] {"two words", "x".repeat(256), "\"\""}) {
            withKey(api.as(Role.AGENT), key).document(INTAKE).variable("phone", phone).variable("subject", "坐席态度差")
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                            assertThat(e.getExtensions()).containsEntry("code", "IDEMPOTENCY_KEY_INVALID")));
        }
        assertThat(mongo.count(Query.query(Criteria.where("customer.phone").is(phone)), "cases")).isZero();
    }

    @Test
    void concurrentIntakesOfOneCustomerEachCountAllEarlierOnes() throws Exception {
        String phone = uniquePhone();
        List<Integer> counts = together(20, () -> as("agent-" + phone, () -> cases.intake(new CaseIntake(
                IntakeChannel.HOTLINE, new Customer("王先生", phone, null), "又一次投诉", null,
                CaseCategory.DELIVERY_DELAY, Set.of(), null, false, null)), Role.AGENT).repeatCount());
        assertThat(counts).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void everyCreatingMutationOfTheDirectoryAndTheClientsGivesTheFirstResultAgain() {
        var p = "I" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Map<String, String> creations = Map.of(
                "createDepartment", "mutation { createDepartment(input: {code: \"%sD\", name: \"部门%s\"}) { department { id } } }",
                "createPerson", "mutation { createPerson(input: {employeeId: \"%sP\", name: \"员工%s\", roles: [AGENT]}) { person { id } } }",
                "createApiClient", "mutation { createApiClient(input: {clientId: \"c-%s\", name: \"%s\", roles: [BI_READER]}) { client { clientId } secret } }");
        for (var creation : creations.entrySet()) {
            var admin = withKey(api.as(Role.ADMIN), UUID.randomUUID().toString());
            String document = creation.getValue().formatted(p, p);
            var first = admin.document(document).execute();
            var repeat = admin.document(document).execute();
            String path = creation.getKey() + (creation.getKey().equals("createApiClient") ? ".client.clientId"
                    : creation.getKey().equals("createPerson") ? ".person.id" : ".department.id");
            assertThat(repeat.path(path).entity(String.class).get()).as(creation.getKey())
                    .isEqualTo(first.path(path).entity(String.class).get());
        }
        // the secret is shown in the first answer only: it is kept as a hash
        var admin = withKey(api.as(Role.ADMIN), UUID.randomUUID().toString());
        String document = creations.get("createApiClient").formatted(p + "2", p);
        admin.document(document).execute().path("createApiClient.secret").hasValue();
        admin.document(document).execute().path("createApiClient.secret").valueIsNull();

        admin = withKey(api.as(Role.ADMIN), UUID.randomUUID().toString());
        String department = admin.document(creations.get("createDepartment").formatted(p + "2", p + "2")).execute()
                .path("createDepartment.department.id").entity(String.class).get();
        String team = "mutation { createTeam(input: {name: \"班组%s\", departmentId: \"%s\"}) { team { id } } }"
                .formatted(p, department);
        admin = withKey(api.as(Role.ADMIN), UUID.randomUUID().toString());
        assertThat(admin.document(team).execute().path("createTeam.team.id").entity(String.class).get())
                .isEqualTo(admin.document(team).execute().path("createTeam.team.id").entity(String.class).get());
        admin = withKey(api.as(Role.ADMIN), UUID.randomUUID().toString());

        String csv = "employee_id,name,roles\\n%sX,导入员工,AGENT\\n".formatted(p);
        String importPeople = "mutation { importPeople(input: {csv: \"%s\"}) { report { id status created } } }".formatted(csv);
        GraphQlTester.Response imported = admin.document(importPeople).execute();
        imported.path("importPeople.report.status").entity(String.class).isEqualTo("APPLIED")
                .path("importPeople.report.created").entity(Integer.class).isEqualTo(1);
        admin.document(importPeople).execute()
                .path("importPeople.report.id").entity(String.class)
                .isEqualTo(imported.path("importPeople.report.id").entity(String.class).get())
                .path("importPeople.report.created").entity(Integer.class).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("employeeId").in(p + "P", p + "X")), "people")).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("name").is("部门" + p)), "departments")).isOne();
    }

    @Test
    void workOrdersTransfersAndEscalationsAreCreatedOncePerKey() {
        var p = "J" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        UUID superior = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "S", "中心" + p, null, null))).id();
        UUID department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "D", "前台" + p, superior,
                null))).id();
        UUID team = asAdmin(() -> directory.createTeam(new TeamInput("一班" + p, department, null))).id();
        asAdmin(() -> {
            directory.createPerson(new PersonInput(p + "A", "坐席", department, team, Set.of(Role.AGENT), true, null, null));
            directory.createPerson(new PersonInput("17" + p, "被投诉", department, team, Set.of(Role.AGENT), true, null,
                    null));
        });
        var order = new WorkOrder(p + "A", "13800138000", Instant.now().minus(Duration.ofHours(1)), "13900139000",
                "客户称坐席态度恶劣", "要求道歉", DemandKind.EXPLICIT, "17" + p, "10010", "话费查询");

        var key = IdempotencyKey.random();
        var first = as(p + "A", () -> workOrders.submit(order, key), Role.AGENT);
        var repeat = as(p + "A", () -> workOrders.submit(order, key), Role.AGENT);
        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(repeat.number()).isEqualTo(first.number());

        var transferKey = IdempotencyKey.random();
        var transferred = as(p + "R", () -> workOrders.registerTransfer(order, "LINE_10109696", transferKey),
                Role.REVIEWER);
        assertThat(as(p + "R", () -> workOrders.registerTransfer(order, "LINE_10109696", transferKey), Role.REVIEWER)
                .id()).isEqualTo(transferred.id());
        assertThatThrownBy(() -> as(p + "R", () -> workOrders.registerTransfer(order, "LINE_89082000", transferKey),
                Role.REVIEWER)).isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(mongo.count(Query.query(Criteria.where("workOrder.accusedEmployeeId").is("17" + p)), "reviews"))
                .isEqualTo(2);

        ComplaintCase subject = as(p + "A", () -> cases.intake(new CaseIntake(IntakeChannel.HOTLINE,
                new Customer("周先生", null, "ACC-" + p), "多次维修未果", null, CaseCategory.PRODUCT_QUALITY, Set.of(),
                null, false, null)), Role.AGENT);
        var form = new EscalationForm("三次维修仍故障", "已上门三次", "超出部门能力", "成立专项小组");
        var escalationKey = IdempotencyKey.random();
        var raised = as(p + "A", () -> escalations.raise(subject.id(), EscalationTrigger.BEYOND_ABILITY, form,
                escalationKey), Role.AGENT);
        var again = as(p + "A", () -> escalations.raise(subject.id(), EscalationTrigger.BEYOND_ABILITY, form,
                escalationKey), Role.AGENT);
        assertThat(again.id()).isEqualTo(raised.id());
        assertThat(again.number()).isEqualTo(raised.number());
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(subject.id())), "escalations")).isOne();
    }

    @Test
    void aKeyIsForgottenWhenItsTimeIsUp() {
        var clock = new MovableClock();
        var keys = new Idempotency(mongo, clock, Duration.ofHours(24), Duration.ofSeconds(20), Duration.ofSeconds(30));
        var key = IdempotencyKey.random();
        List<UUID> created = new ArrayList<>();
        java.util.function.Supplier<UUID> create = () -> keys.once("test.create", key, "same request", id -> {
            created.add(id);
            return id;
        }, id -> created.contains(id) ? java.util.Optional.of(id) : java.util.Optional.empty());

        UUID first = asAdmin(create);
        assertThat(asAdmin(create)).isEqualTo(first);
        clock.advance(Duration.ofHours(25));
        assertThat(keys.forgetExpired()).isGreaterThanOrEqualTo(1);
        UUID later = asAdmin(create);
        assertThat(later).isNotEqualTo(first);
        assertThat(created).containsExactly(first, later);
    }
}
