package app.ombud.review.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.RouteIds;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.JudgmentCriterion;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewCriteria;
import app.ombud.review.Judgment;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewRoute;
import app.ombud.review.ReviewStep;
import app.ombud.review.SideNotice;
import app.ombud.review.WorkOrder;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The judgment page: a short summary of the work order and of what the verification or the other
 * side found, then the verdict — its type, the checklist of that type's criteria from the policy
 * in force, upheld or not (no default: the reviewer decides), the basis, the knowledge-base
 * reference for business verdicts and the topic. The service checks everything on save.
 */
@Route("reviews/:id/judge")
@RolesAllowed({"REVIEWER", "WHITELIST_OWNER"})
public class JudgmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ReviewDesk desk;
    private final ReviewQueries reviews;
    private final DirectoryService directory;
    private final PolicyService policy;
    private Review current;

    private final RadioButtonGroup<JudgmentType> type = new RadioButtonGroup<>();
    private final CheckboxGroup<String> criteria = new CheckboxGroup<>();
    private final RadioButtonGroup<Boolean> upheld = new RadioButtonGroup<>();
    private final TextArea basis = new TextArea();
    private final TextField knowledgeRef = new TextField();
    private final TextField topic = new TextField();
    private ReviewCriteria checklist;

    public JudgmentView(ReviewDesk desk, ReviewQueries reviews, DirectoryService directory, PolicyService policy) {
        this.desk = desk;
        this.reviews = reviews;
        this.directory = directory;
        this.policy = policy;
        addClassName("ombud-view");
        basis.setMaxLength(Kind.TEXT.maxLength());
        knowledgeRef.setMaxLength(Kind.LINE.maxLength());
        topic.setMaxLength(Kind.NAME.maxLength());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = null;
        RouteIds.show(event, this, "judge-refused", this::show);
    }

    private void show(UUID id) {
        current = reviews.get(id);
        removeAll();
        var title = new H2(t("review.judge.title", current.number()));
        title.setId("judge-title");
        var back = new Anchor("reviews/" + current.id(), t("review.judge.back"));
        back.setId("judge-back");
        add(title, back);
        summary(current);
        var refusal = reviews.refusal(id, ReviewStep.JUDGE);
        if (refusal.isEmpty()) {
            form(current);
        } else {
            var refused = new Paragraph(Toasts.message(refusal.get()));
            refused.addClassName("ombud-notice");
            refused.setId("judge-refused");
            add(refused);
        }
    }

    // ---- summary -------------------------------------------------------------------------

    private void summary(Review r) {
        WorkOrder o = r.workOrder();
        var facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        var status = new Span(t("review.status." + r.status()));
        status.addClassNames("ombud-badge", "ombud-badge-status");
        status.setId("judge-status");
        facts.addFormItem(status, t("review.judge.status"));
        var accused = new Span(directory.personByEmployeeId(o.accusedEmployeeId())
                .map(p -> p.name() + " " + p.employeeId()).orElse(o.accusedEmployeeId()));
        accused.setId("judge-accused");
        facts.addFormItem(accused, t("review.page.accused"));
        facts.addFormItem(new Span(CompanyTime.time(o.callAt())), t("review.page.callAt"));
        facts.addFormItem(new Span(o.source()), t("review.page.source"));
        ReviewRoute route = r.route();
        var routed = new Span(route == null ? t("review.page.route.none", o.accusedEmployeeId())
                : route.groupName().in(getLocale()) + " · " + t("review.mode." + route.mode()));
        routed.setId("judge-route");
        facts.addFormItem(routed, t("review.page.routing"));
        add(facts, entry(t("review.page.complaint"), o.complaint()),
                entry(t("review.page.demand") + " · " + t("review.demandKind." + o.demandKind()), o.demand()));
        if (route != null && !route.notifyByCall()) {
            var found = r.verification() == null ? entry(t("review.page.verification"),
                    t("review.page.verification.none"))
                    : entry(java.util.stream.Stream.of(t("review.page.verification"),
                            r.verification().recordingRef(), r.verification().byName())
                            .filter(part -> part != null && !part.isBlank())
                            .collect(java.util.stream.Collectors.joining(" · ")), r.verification().finding());
            found.setId("judge-verification");
            add(found);
        }
        if (route != null && route.notifyByCall()) {
            SideNotice notice = r.sideNotice();
            Div answer;
            if (notice == null) {
                answer = entry(t("review.page.sideNotice"), t("review.page.sideNotice.none", route.notifyNumber()));
            } else if (!notice.answered()) {
                answer = entry(t("review.page.sideNotice"), t("review.page.sideNotice.waiting", notice.number(),
                        CompanyTime.time(notice.calledAt())));
            } else {
                answer = entry(t("review.page.sideNotice.answered", notice.number(),
                        CompanyTime.time(notice.answeredAt())), notice.answer());
            }
            answer.setId("judge-side-answer");
            add(answer);
        }
    }

    // ---- the form ------------------------------------------------------------------------

    private void form(Review r) {
        checklist = policy.current().content().reviewCriteria();
        type.setLabel(t("review.judge.type"));
        type.setItems(JudgmentType.values());
        type.setItemLabelGenerator(x -> t("review.judgmentType." + x));
        type.setId("judge-type");
        criteria.setLabel(t("review.judge.criteria"));
        criteria.setId("judge-criteria");
        criteria.addThemeVariants(com.vaadin.flow.component.checkbox.CheckboxGroupVariant.LUMO_VERTICAL);
        upheld.setLabel(t("review.judge.upheld"));
        upheld.setItems(true, false);
        upheld.setItemLabelGenerator(x -> t(x ? "review.page.verdict.upheld" : "review.page.verdict.notUpheld"));
        upheld.setRequiredIndicatorVisible(true);
        upheld.setId("judge-upheld");
        basis.setLabel(t("review.judge.basis"));
        basis.setRequiredIndicatorVisible(true);
        basis.setWidthFull();
        basis.setMinHeight("8em");
        basis.setId("judge-basis");
        knowledgeRef.setLabel(t("review.judge.knowledgeRef"));
        knowledgeRef.setWidthFull();
        knowledgeRef.setId("judge-knowledge-ref");
        topic.setLabel(t("review.judge.topic"));
        topic.setValue(r.workOrder().topic() == null ? "" : r.workOrder().topic());
        topic.setId("judge-topic");
        // each type has its own list: switching shows the other list with nothing ticked
        type.addValueChangeListener(change -> showCriteria(change.getValue()));
        type.setValue(JudgmentType.ATTITUDE);

        var save = new Button(t("review.judge.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("judge-save");
        var form = new FormLayout(type, criteria, upheld, basis, knowledgeRef, topic);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H3(t("review.page.verdict")), form, new HorizontalLayout(save));
    }

    private void showCriteria(JudgmentType chosen) {
        List<JudgmentCriterion> list = chosen == null ? List.of() : checklist.of(chosen);
        Map<String, String> texts = list.stream().collect(Collectors.toMap(JudgmentCriterion::code,
                c -> c.text().in(getLocale()), (a, b) -> a, LinkedHashMap::new));
        criteria.setItems(texts.keySet());
        criteria.setItemLabelGenerator(code -> texts.getOrDefault(code, code));
        criteria.clear();
        knowledgeRef.setVisible(chosen == JudgmentType.BUSINESS);
        if (chosen != JudgmentType.BUSINESS) {
            knowledgeRef.clear();
        }
    }

    private void save() {
        List<HasValidation> fields = List.of(type, criteria, upheld, basis, knowledgeRef, topic);
        fields.forEach(f -> f.setInvalid(false));
        if (upheld.getValue() == null) {
            upheld.setErrorMessage(t("common.required"));
            upheld.setInvalid(true);
            return;
        }
        try {
            var judged = desk.judge(current.id(), new Judgment(type.getValue(), criteria.getValue().stream()
                    .sorted(this::byListOrder).toList(), upheld.getValue(), basis.getValue(),
                    knowledgeRef.getValue(), topic.getValue()), current.version());
            Toasts.success(t("review.judge.done", judged.number()));
            getUI().ifPresent(ui -> ui.navigate("reviews/" + judged.id()));
        } catch (OmbudException e) {
            Map<String, HasValidation> byName = Map.of("type", type, "criteria", criteria, "basis", basis,
                    "knowledgeRef", knowledgeRef, "topic", topic);
            HasValidation field = e.field() == null ? null : byName.get(e.field());
            if (field == null) {
                Toasts.error(e);
            } else {
                field.setErrorMessage("REQUIRED".equals(e.code()) ? t("common.required") : Toasts.message(e));
                field.setInvalid(true);
            }
        }
    }

    /** Ticked codes in the order the policy lists them, as the verdict shows them later. */
    private int byListOrder(String a, String b) {
        List<String> order = checklist.of(type.getValue()).stream().map(JudgmentCriterion::code).toList();
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return current == null ? t("review.step.JUDGE") : t("review.judge.title", current.number());
    }
}
