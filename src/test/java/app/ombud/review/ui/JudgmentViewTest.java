package app.ombud.review.ui;

import static app.ombud.review.ReviewFixture.signIn;
import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.JudgmentCriterion;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewCriteria;
import app.ombud.review.Judgment;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewFixture;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewStatus;
import app.ombud.review.WorkOrders;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@OmbudIntegrationTest
class JudgmentViewTest extends SpringBrowserlessTest {

    @Autowired
    ReviewQueries reviews;


    @Autowired

    ReviewDesk desk;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

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
    void theReviewerJudgesAgainstTheChecklistOfTheChosenType() {
        Review review = fx.verified(fx.accused("17"));
        ReviewCriteria criteria = policy.current().content().reviewCriteria();
        signIn(fx.reviewer, Role.REVIEWER);
        navigate(ReviewView.class, Map.of("id", review.id().toString()));
        test($(Button.class).id("action-judge")).click();
        assertThat(getCurrentView()).isInstanceOf(JudgmentView.class);

        assertThat($(Span.class).id("judge-route").getText()).contains(t("review.mode.VERIFY_RECORDING_AND_CALL_BACK"));
        assertThat(labels()).containsExactlyElementsOf(texts(criteria.attitude()));
        assertThat($(TextField.class).withId("judge-knowledge-ref").exists()).isFalse();
        assertThat($(TextField.class).id("judge-topic").getValue()).isEqualTo("话费查询");
        assertThat(upheld().getValue()).isNull();

        // a tick in the attitude list does not survive switching to the business list
        test(criteriaBox()).selectItem(text(criteria.attitude().getFirst()));
        test(type()).selectItem(t("review.judgmentType.BUSINESS"));
        assertThat(labels()).containsExactlyElementsOf(texts(criteria.business()));
        assertThat(criteriaBox().getValue()).isEmpty();
        assertThat($(TextField.class).id("judge-knowledge-ref").isVisible()).isTrue();

        JudgmentCriterion chosen = criteria.business().get(1);
        test(criteriaBox()).selectItem(text(chosen));
        test(upheld()).selectItem(t("review.page.verdict.upheld"));
        test($(Button.class).id("judge-save")).click();

        TextArea basis = $(TextArea.class).id("judge-basis");
        assertThat(basis.isInvalid()).isTrue();
        assertThat(basis.getErrorMessage()).isEqualTo(t("common.required"));
        var unsaved = fx.get(review.id());
        assertThat(unsaved.status()).isEqualTo(ReviewStatus.IN_REVIEW);
        assertThat(unsaved.verdict()).isNull();

        test(basis).setValue("录音 01:20 起坐席告知错误的资费，客户因此多付费用");
        test($(TextField.class).id("judge-knowledge-ref")).setValue("KB-资费-2026-07");
        test($(Button.class).id("judge-save")).click();

        var judged = fx.get(review.id());
        assertThat(judged.status()).isEqualTo(ReviewStatus.JUDGED);
        assertThat(judged.verdict().type()).isEqualTo(JudgmentType.BUSINESS);
        assertThat(judged.verdict().criteria()).containsExactly(chosen.code());
        assertThat(judged.verdict().upheld()).isTrue();
        assertThat(judged.verdict().basis()).isEqualTo("录音 01:20 起坐席告知错误的资费，客户因此多付费用");
        assertThat(judged.verdict().knowledgeRef()).isEqualTo("KB-资费-2026-07");
        assertThat(judged.verdict().by()).isEqualTo(fx.reviewer);
        // back on the review page, which shows the verdict with the criterion's text
        assertThat(getCurrentView()).isInstanceOf(ReviewView.class);
        assertThat($(UnorderedList.class).id("review-verdict-criteria").getElement()
                .getTextRecursively()).contains(text(chosen));
    }

    @Test
    void theAccusedSignedInAsAReviewerGetsNoForm() {
        String accused = fx.accused("17", Role.AGENT, Role.REVIEWER);
        Review review = fx.verified(accused);
        signIn(accused, Role.REVIEWER);
        navigate(JudgmentView.class, Map.of("id", review.id().toString()));

        assertThat($(Button.class).withId("judge-save").exists()).isFalse();
        assertThat($(CheckboxGroup.class).withId("judge-criteria").exists()).isFalse();
        assertThat($(Paragraph.class).id("judge-refused").getText()).isEqualTo(t("error.JUDGE_IS_ACCUSED"));
        // and the service refuses the verdict all the same
        var code = policy.current().content().reviewCriteria().attitude().getFirst().code();
        assertThatThrownBy(() -> as(accused, () -> desk.judge(review.id(), new Judgment(JudgmentType.ATTITUDE,
                List.of(code), true, "自己判自己", null, null), null), Role.REVIEWER))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("JUDGE_IS_ACCUSED"));
    }

    @Test
    void anUnroutedReviewIsRefusedWithTheRoutingMessage() {
        Review forwarded = fx.forwarded(fx.accused("99"));
        assertThat(forwarded.route()).isNull();
        Review taken = as(fx.reviewer, () -> desk.take(forwarded.id(), forwarded.version()), Role.REVIEWER);
        signIn(fx.reviewer, Role.REVIEWER);
        navigate(JudgmentView.class, Map.of("id", taken.id().toString()));

        assertThat($(Span.class).id("judge-route").getText())
                .isEqualTo(t("review.page.route.none", forwarded.workOrder().accusedEmployeeId()));
        // the service's own reason instead of a form that could only be refused
        assertThat($(Paragraph.class).id("judge-refused").getText()).isEqualTo(t("error.REVIEW_NOT_ROUTED",
                forwarded.number()));
        assertThat($(Button.class).withId("judge-save").exists()).isFalse();
        assertThat(fx.get(forwarded.id()).status()).isEqualTo(ReviewStatus.IN_REVIEW);
    }

    private List<String> labels() {
        var box = criteriaBox();
        return box.getListDataView().getItems().map(code -> box.getItemLabelGenerator().apply(code)).toList();
    }

    private static List<String> texts(List<JudgmentCriterion> list) {
        return list.stream().map(JudgmentViewTest::text).toList();
    }

    private static String text(JudgmentCriterion criterion) {
        Locale locale = UI.getCurrent().getLocale();
        return criterion.text().in(locale);
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<String> criteriaBox() {
        return $(CheckboxGroup.class).id("judge-criteria");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<JudgmentType> type() {
        return $(RadioButtonGroup.class).id("judge-type");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Boolean> upheld() {
        return $(RadioButtonGroup.class).id("judge-upheld");
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
