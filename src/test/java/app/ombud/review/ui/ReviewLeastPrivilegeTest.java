package app.ombud.review.ui;

import static app.ombud.review.ReviewFixture.signIn;
import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.review.CaseLibrary;
import app.ombud.review.DemandKind;
import app.ombud.review.Judgment;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFixture;
import app.ombud.review.ReviewQueries;
import app.ombud.review.WorkOrder;
import app.ombud.review.WorkOrders;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Least privilege in internal reviews. No personal data for BI readers: the customer's numbers and
 * every number, ID number or address people wrote into the review's texts are masked in the API
 * and on the review page alike; the case library masks them for every reader; BI readers cannot
 * search reviews or the library by text. Steps of people: an API client is offered none.
 */
@OmbudIntegrationTest
class ReviewLeastPrivilegeTest extends SpringBrowserlessTest {

    static final List<String> WRITTEN = List.of("13800138000", "13900139000", "13712345678", "11010119900307123X",
            "wang@example.com");

    @Autowired
    ReviewQueries reviews;


    @Autowired

    WorkOrders workOrders;


    @Autowired

    ReviewDesk desk;


    @Autowired

    CaseLibrary library;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    ApiAccess api;

    ReviewFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ReviewFixture(directory, workOrders, desk, reviews);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReviewsTextsAreMaskedForBiReadersInTheApiAndOnItsPage() {
        Review judged = judged();

        Map<String, Object> bi = api.as(Role.BI_READER).document("""
                query($id: UUID!) { review(id: $id) { workOrder { callerNumber contactNumber complaint demand }
                  handover { note } verification { finding } verdict { basis } library { lesson }
                  timeline { note } } }""").variable("id", judged.id().toString()).execute()
                .path("review").entity(Map.class).get();
        assertThat(bi.toString()).doesNotContain(WRITTEN).contains("138****8000", "139****9000",
                "客户称坐席态度恶劣，身份证 110101********123X，请回 137****5678", "邮件 w***@example.com",
                "已联系 137****5678", "录音中客户报出 137****5678", "坐席拒绝记录 137****5678");

        signIn("bi-" + fx.p, Role.BI_READER);
        navigate(ReviewView.class, Map.of("id", judged.id().toString()));
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).doesNotContain(WRITTEN).contains("137****5678");

        // the control: the review team reads what was written
        assertThat(api.as(Role.REVIEWER).document("query($id: UUID!) { review(id: $id) { workOrder { complaint } } }")
                .variable("id", judged.id().toString()).execute().path("review.workOrder.complaint")
                .entity(String.class).get()).contains("13712345678");
    }

    @Test
    void theCaseLibraryMasksNumbersForEveryReader() {
        Review judged = judged();

        for (Role reader : List.of(Role.AGENT, Role.BI_READER)) {
            var library = api.as(reader).document("""
                    query($tag: String) { caseLibrary(tag: $tag, first: 5) { edges { node { reviewNumber complaint demand
                      lesson basis } } } }""").variable("tag", "脱敏" + fx.p).execute()
                    .path("caseLibrary.edges[0].node").entity(Map.class).get();
            assertThat(library.get("reviewNumber")).isEqualTo(judged.number());
            assertThat(library.toString()).as("library for %s", reader).doesNotContain(WRITTEN)
                    .contains("请回 137****5678", "邮件 w***@example.com");
        }
    }

    @Test
    void biReadersCannotSearchReviewsOrTheLibraryByText() {
        for (String query : List.of("{ reviews(filter: {text: \"13712345678\"}, first: 5) { edges { node { id } } } }",
                "{ caseLibrary(text: \"13712345678\", first: 5) { edges { node { reviewId } } } }")) {
            api.as(Role.BI_READER).document(query).execute().errors().satisfy(errors -> assertThat(errors)
                    .singleElement().satisfies(e -> assertThat(e.getExtensions())
                            .containsEntry("code", "PERSONAL_DATA_FILTER_REFUSED").containsEntry("field", "text")));
            api.as(Role.REVIEWER).document(query).execute().errors().verify();
        }
    }

    @Test
    void anApiClientIsOfferedNoStepOfAReviewAPersonWithTheSameRoleIs() {
        Review submitted = fx.submitted(fx.accused("17"));

        api.as(Role.ADMIN).document("query($id: UUID!) { review(id: $id) { allowedSteps } }")
                .variable("id", submitted.id().toString()).execute()
                .path("review.allowedSteps").entityList(String.class).hasSize(0);
        assertThat(app.ombud.support.TestData.asAdmin(() -> reviews.allowedSteps(submitted.id())))
                .contains(app.ombud.review.ReviewStep.FORWARD);
    }

    /** Submitted, forwarded, verified, judged and in the library, with numbers written into its texts. */
    private Review judged() {
        String accused = fx.accused("17");
        Review submitted = as(fx.agent, () -> workOrders.submit(new WorkOrder(fx.agent, "13800138000",
                Instant.now().minus(Duration.ofHours(1)), "13900139000",
                "客户称坐席态度恶劣，身份证 11010119900307123X，请回 13712345678", "邮件 wang@example.com 道歉",
                DemandKind.EXPLICIT, accused, "10010", "话费查询")), Role.AGENT);
        Review forwarded = as(fx.lead, () -> workOrders.forward(submitted.id(), "已联系 13712345678",
                submitted.version()), Role.TEAM_LEAD);
        String code = policy.current().content().reviewCriteria().attitude().getFirst().code();
        return as(fx.reviewer, () -> {
            Review taken = desk.take(forwarded.id(), forwarded.version());
            Review verified = desk.recordVerification(taken.id(), "录音中客户报出 13712345678", null,
                    taken.version());
            Review judgedNow = desk.judge(verified.id(), new Judgment(JudgmentType.ATTITUDE, List.of(code), true,
                    "坐席拒绝记录 13712345678", null, null), verified.version());
            return library.addToLibrary(judgedNow.id(), List.of("脱敏" + fx.p), "回访 13712345678 时先致歉",
                    judgedNow.version());
        }, Role.REVIEWER);
    }
}
