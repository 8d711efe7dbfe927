package app.ombud.review.ui;

import static app.ombud.platform.ui.Texts.entry;
import static app.ombud.platform.ui.Texts.muted;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.panel.PanelSide;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import app.ombud.policy.PolicyService;
import app.ombud.review.Appeal;
import app.ombud.review.AppealPoint;
import app.ombud.review.Appeals;
import app.ombud.review.CaseLibrary;
import app.ombud.review.OtherReply;
import app.ombud.review.Replies;
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewReturn;
import app.ombud.review.ReviewRoute;
import app.ombud.review.ReviewStatus;
import app.ombud.review.ReviewStep;
import app.ombud.review.SideNotice;
import app.ombud.review.SpecialComplainant;
import app.ombud.review.Verdict;
import app.ombud.review.Verification;
import app.ombud.review.WorkOrder;
import app.ombud.review.WorkOrders;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One internal review (白名单工单): the work order, the team lead's handover and the returns, the
 * routing and its task (the recording verified, or the other side notified and its answer), the
 * verdict, the appeal with its panel, the reply to the customer with every call, the case-library
 * entry and the timeline; and a button for exactly each step the service allows the caller now.
 */
@Route("reviews/:id")
@PermitAll
public class ReviewView extends RecordPage<Review, ReviewStep> {

    private final ReviewQueries reviews;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final WorkOrderDialogs workOrders;
    private final DeskDialogs desk;
    private final AppealDialogs appeals;
    private final ReplyDialogs replies;
    private final LibraryDialogs library;
    private final ObjectProvider<ReviewAction> extraActions;
    private PolicyLabels labels;

    public ReviewView(ReviewQueries reviews, WorkOrders workOrders, ReviewDesk desk, Appeals appeals, Replies replies,
            CaseLibrary library, DirectoryService directory, PolicyService policy, Clock clock,
            ObjectProvider<ReviewAction> extraActions) {
        super("review", ReviewStep.class, "nav.reviews.mine");
        this.reviews = reviews;
        this.extraActions = extraActions;
        this.directory = directory;
        this.policy = policy;
        this.workOrders = new WorkOrderDialogs(this, workOrders, clock, this::reload);
        this.desk = new DeskDialogs(this, desk, policy, clock, this::reload);
        this.appeals = new AppealDialogs(this, appeals, clock, this::reload);
        this.replies = new ReplyDialogs(this, replies, clock, this::reload);
        this.library = new LibraryDialogs(this, library, clock, this::reload);
    }

    @Override
    protected Review load(UUID id) {
        return reviews.get(id);
    }

    @Override
    protected UUID idOf(Review r) {
        return r.id();
    }

    @Override
    protected String numberOf(Review r) {
        return r.number();
    }

    @Override
    protected Set<ReviewStep> allowedSteps(Review r) {
        return reviews.allowedSteps(r.id());
    }

    @Override
    protected Component headline(Review r) {
        labels = new PolicyLabels(policy, getLocale());
        return Texts.headline("review", r.number(), t("review.status." + r.status()),
                badge("review-check-overdue", "review.page.checkOverdue",
                        r.status() == ReviewStatus.SUBMITTED && r.checkOverdueAt() != null),
                badge("review-reply-overdue", "review.page.replyOverdue",
                        r.reply() != null && r.reply().status().open() && r.reply().overdueAt() != null));
    }

    @Override
    protected void content(Review r, Set<ReviewStep> allowed) {
        workOrder(r);
        handover(r);
        routing(r);
        verdict(r);
        appeal(r);
        reply(r);
        library(r);
        add(new H3(t("review.page.timeline")), new ReviewTimeline(this, directory, labels).grid(r));
    }

    // ---- sections ------------------------------------------------------------------------

    private void workOrder(Review r) {
        WorkOrder o = r.workOrder();
        add(new H3(t("review.page.workOrder")));
        var form = facts();
        form.addFormItem(new Span(name(o.submitterEmployeeId())), t("review.page.submitter"));
        form.addFormItem(new Span(CompanyTime.time(r.submittedAt())), t("review.page.submittedAt"));
        if (r.checkDue() != null && r.transferredFrom() == null) {
            form.addFormItem(new Span(CompanyTime.time(r.checkDue())), t("review.page.checkDue"));
        }
        form.addFormItem(new Span(o.callerNumber()), t("review.page.callerNumber"));
        form.addFormItem(new Span(CompanyTime.time(o.callAt())), t("review.page.callAt"));
        form.addFormItem(new Span(o.contactNumber()), t("review.page.contactNumber"));
        var accused = new Span(name(o.accusedEmployeeId()));
        accused.setId("review-accused");
        form.addFormItem(accused, t("review.page.accused"));
        form.addFormItem(new Span(o.source()), t("review.page.source"));
        form.addFormItem(new Span(o.topic() == null ? "" : o.topic()), t("review.page.topic"));
        if (r.transferredFrom() != null) {
            form.addFormItem(new Span(labels.group(r.transferredFrom(), r.route() == null ? null
                    : r.route().policyVersion())), t("review.page.transferredFrom"));
        }
        add(form, entry(t("review.page.complaint"), o.complaint()),
                entry(t("review.page.demand") + " · " + t("review.demandKind." + o.demandKind()), o.demand()));
    }

    private void handover(Review r) {
        // a complaint transferred in from a partner line starts with the review team, without a handover
        if (r.transferredFrom() == null || r.handover() != null) {
            add(new H3(t("review.page.handover")));
            if (r.handover() == null) {
                add(muted(t("review.page.handover.none")));
            } else {
                var handover = entry(CompanyTime.time(r.handover().at()) + " · " + r.handover().byName(),
                        r.handover().note());
                handover.setId("review-handover");
                add(handover);
            }
        }
        if (!r.returns().isEmpty()) {
            add(new H3(t("review.page.returns")), returns(r));
        }
    }

    private Grid<ReviewReturn> returns(Review r) {
        var grid = new Grid<ReviewReturn>();
        grid.setId("review-returns");
        grid.addColumn(x -> CompanyTime.time(x.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(ReviewReturn::byName).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(x -> t("review.returnTo." + x.to())).setHeader(t("review.page.return.to")).setAutoWidth(true);
        grid.addColumn(x -> x.reason() == null ? "" : t("review.returnReason." + x.reason()))
                .setHeader(t("review.page.return.reason")).setAutoWidth(true);
        grid.addColumn(x -> x.gaps().stream().sorted().map(g -> t("review.gap." + g)).collect(Collectors.joining("、")))
                .setHeader(t("review.page.return.gaps")).setAutoWidth(true);
        grid.addColumn(x -> x.note() == null ? "" : x.note()).setHeader(t("review.page.return.note")).setFlexGrow(2);
        grid.setItems(r.returns());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void routing(Review r) {
        if (r.handover() == null && r.route() == null) {
            return;
        }
        add(new H3(t("review.page.routing")));
        ReviewRoute route = r.route();
        if (route == null) {
            var none = new Paragraph(t("review.page.route.none", r.workOrder().accusedEmployeeId()));
            none.addClassName("ombud-notice");
            none.setId("review-route");
            add(none);
            return;
        }
        var form = facts();
        var group = new Span(route.groupName().in(getLocale()));
        group.setId("review-route");
        form.addFormItem(group, t("review.page.route.group"));
        form.addFormItem(new Span(t("review.mode." + route.mode())), t("review.page.route.mode"));
        if (route.notifyNumber() != null) {
            form.addFormItem(new Span(route.notifyNumber()), t("review.page.route.notifyNumber"));
        }
        form.addFormItem(new Span(route.manual() ? t("review.page.route.manual")
                : t("review.page.route.prefix", route.matchedPrefix())), t("review.page.route.match"));
        form.addFormItem(new Span(r.assignee() == null ? t("review.page.assignee.none") : name(r.assignee())),
                t("review.page.assignee"));
        add(form);
        if (route.notifyByCall()) {
            sideNotice(r, route);
        } else {
            verification(r.verification());
        }
    }

    private void verification(Verification v) {
        add(new H3(t("review.page.verification")));
        if (v == null) {
            add(muted(t("review.page.verification.none")));
            return;
        }
        var form = facts();
        form.addFormItem(new Span(v.recordingRef() == null ? "" : v.recordingRef()),
                t("review.page.verification.recording"));
        form.addFormItem(new Span(CompanyTime.time(v.at()) + " · " + v.byName()), t("review.page.verification.by"));
        var finding = entry(t("review.page.verification.finding"), v.finding());
        finding.setId("review-verification");
        add(form, finding);
    }

    private void sideNotice(Review r, ReviewRoute route) {
        add(new H3(t("review.page.sideNotice")));
        SideNotice notice = r.sideNotice();
        if (notice == null) {
            var none = muted(t("review.page.sideNotice.none", route.notifyNumber()));
            none.setId("review-side-notice");
            add(none);
            return;
        }
        var called = entry(t("review.page.sideNotice.called", notice.number(), CompanyTime.time(notice.calledAt()),
                notice.leadName()), notice.note());
        called.setId("review-side-notice");
        add(called);
        if (notice.answered()) {
            var answer = entry(t("review.page.sideNotice.answered", notice.number(),
                    CompanyTime.time(notice.answeredAt())), notice.answer());
            answer.setId("review-side-answer");
            add(answer);
        } else {
            var waiting = new Paragraph(t("review.page.sideNotice.waiting", notice.number(),
                    CompanyTime.time(notice.calledAt())));
            waiting.addClassName("ombud-notice");
            waiting.setId("review-side-waiting");
            add(waiting);
        }
    }

    private void verdict(Review r) {
        Verdict v = r.verdict();
        if (v == null) {
            if (r.status() == ReviewStatus.IN_REVIEW) {
                add(new H3(t("review.page.verdict")), muted(t("review.page.verdict.none")));
            }
            return;
        }
        add(new H3(t("review.page.verdict")));
        var form = facts();
        form.addFormItem(new Span(t("review.judgmentType." + v.type())), t("review.page.verdict.type"));
        form.addFormItem(new Span(t(v.upheld() ? "review.page.verdict.upheld" : "review.page.verdict.notUpheld")),
                t("review.page.verdict.result"));
        form.addFormItem(new Span(v.topic() == null ? "" : v.topic()), t("review.page.topic"));
        if (v.knowledgeRef() != null) {
            form.addFormItem(new Span(v.knowledgeRef()), t("review.page.verdict.knowledgeRef"));
        }
        form.addFormItem(new Span(CompanyTime.time(v.at()) + " · " + v.byName()), t("review.page.verdict.by"));
        var inForce = new Span(r.upheld() == null ? "" : t(r.upheld() ? "review.page.verdict.upheld"
                : "review.page.verdict.notUpheld"));
        inForce.setId("review-upheld");
        form.addFormItem(inForce, t("review.page.verdict.inForce"));
        if (r.status() == ReviewStatus.JUDGED && r.appealDue() != null) {
            form.addFormItem(new Span(CompanyTime.time(r.appealDue())), t("review.page.verdict.appealDue"));
        }
        add(form);
        if (!v.criteria().isEmpty()) {
            var list = new UnorderedList();
            list.setId("review-verdict-criteria");
            for (String code : v.criteria()) {
                list.add(new ListItem(labels.criterion(v.type(), code, v.policyVersion())));
            }
            var head = new Div(t("review.page.verdict.criteria"));
            head.addClassName("ombud-muted");
            add(head, list);
        }
        var basis = entry(t("review.page.verdict.basis"), v.basis());
        basis.setId("review-verdict-basis");
        add(basis);
    }

    private void appeal(Review r) {
        Appeal a = r.appeal();
        if (a == null) {
            return;
        }
        add(new H3(t("review.page.appeal")));
        var form = facts();
        form.addFormItem(new Span(CompanyTime.time(a.filedAt()) + " · " + a.byName() + " ("
                + t("review.appellant." + a.role()) + ")"), t("review.page.appeal.by"));
        add(form, points(a.points()));
        if (a.rejudgment() != null) {
            var rj = a.rejudgment();
            var rejudgment = entry(t("review.page.rejudgment") + " · " + CompanyTime.time(rj.at()) + " · " + rj.byName()
                    + " · " + t(rj.keep() ? "review.page.rejudgment.kept" : "review.page.rejudgment.overturned"),
                    rj.reason());
            rejudgment.setId("review-rejudgment");
            add(rejudgment);
        }
        if (a.rejudgment() != null && a.rejudgment().keep()) {
            var sides = facts();
            var employeeSide = new Span(members(a.employeeSide()));
            employeeSide.setId("review-employee-side");
            sides.addFormItem(employeeSide, t("review.page.appeal.employeeSide"));
            var reviewSide = new Span(members(a.reviewSide()));
            reviewSide.setId("review-review-side");
            sides.addFormItem(reviewSide, t("review.page.appeal.reviewSide"));
            if (a.panelId() != null && a.panelNumber() != null) {
                var panel = new Anchor("panels/" + a.panelId(), a.panelNumber());
                panel.setId("review-panel");
                sides.addFormItem(panel, t("review.page.appeal.panel"));
            } else {
                sides.addFormItem(muted(t("review.page.appeal.panelForming")), t("review.page.appeal.panel"));
            }
            add(sides);
        }
        if (a.decision() != null) {
            var form2 = facts();
            var decision = new Span(t("panel.choice." + a.decision()) + " · " + t("review.decider." + a.decidedBy())
                    + " · " + CompanyTime.time(a.decidedAt()));
            decision.setId("review-appeal-decision");
            form2.addFormItem(decision, t("review.page.appeal.decision"));
            add(form2);
        }
    }

    private Grid<AppealPoint> points(List<AppealPoint> points) {
        var grid = new Grid<AppealPoint>();
        grid.setId("review-appeal-points");
        grid.addColumn(p -> p.position() == null ? "" : p.position()).setHeader(t("review.page.appeal.position"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppealPoint::text).setHeader(t("review.page.appeal.text")).setFlexGrow(2);
        grid.setItems(points);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String members(List<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return t("review.page.appeal.notNamed");
        }
        Map<String, Person> people = directory.peopleByEmployeeIds(employeeIds);
        return employeeIds.stream().map(id -> people.containsKey(id) ? people.get(id).name() + " " + id : id)
                .collect(Collectors.joining("、"));
    }

    private void reply(Review r) {
        Reply reply = r.reply();
        if (reply == null) {
            return;
        }
        add(new H3(t("review.page.reply")));
        var form = facts();
        form.addFormItem(new Span(CompanyTime.time(reply.due())), t("review.page.reply.due"));
        var status = new Span(t("review.replyStatus." + reply.status()));
        status.setId("review-reply-status");
        form.addFormItem(status, t("review.page.reply.status"));
        if (reply.unreachableSmsAt() != null) {
            form.addFormItem(new Span(CompanyTime.time(reply.unreachableSmsAt())), t("review.page.reply.unreachableSms"));
        }
        if (reply.closedAt() != null) {
            form.addFormItem(new Span(CompanyTime.time(reply.closedAt())), t("review.page.reply.closed"));
        }
        add(form);
        var head = new Div(t("review.page.reply.attempts"));
        head.addClassName("ombud-muted");
        add(head);
        if (reply.attempts().isEmpty()) {
            add(muted(t("review.page.reply.attempts.none")));
        } else {
            add(attempts(reply.attempts()));
        }
        SpecialComplainant special = reply.special();
        if (special != null) {
            var report = entry(t("review.page.reply.special") + " · " + t("review.special." + special.kind()) + " · "
                    + CompanyTime.time(special.reportedAt()) + " · " + special.reportedBy(), special.report());
            report.setId("review-special");
            add(report);
            if (special.decidedAt() == null) {
                add(muted(t("review.page.reply.special.pending")));
            } else {
                add(entry(t("review.page.reply.special.decision") + " · " + CompanyTime.time(special.decidedAt())
                        + " · " + special.decidedBy(), special.decision()));
            }
        }
        if (reply.explanationScript() != null) {
            var script = entry(t("review.page.reply.script"), reply.explanationScript());
            script.setId("review-script");
            add(script);
        }
        OtherReply other = reply.other();
        if (other != null) {
            var handling = entry(t("review.page.reply.other") + " · " + t("review.other." + other.kind()) + " · "
                    + CompanyTime.time(other.at()) + " · " + other.by(), other.reference());
            handling.setId("review-other");
            add(handling);
        }
    }

    private Grid<ReplyAttempt> attempts(List<ReplyAttempt> attempts) {
        var grid = new Grid<ReplyAttempt>();
        grid.setId("review-attempts");
        grid.addColumn(a -> CompanyTime.time(a.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(a -> t("review.replyOutcome." + a.outcome())).setHeader(t("review.page.reply.outcome"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.note() == null ? "" : a.note()).setHeader(t("review.page.reply.note")).setFlexGrow(2);
        grid.addColumn(ReplyAttempt::byName).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(a -> t(a.smsQueued() ? "common.yes" : "common.no")).setHeader(t("review.page.reply.sms"))
                .setKey("sms").setAutoWidth(true);
        grid.setItems(attempts);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void library(Review r) {
        if (r.library() == null) {
            return;
        }
        add(new H3(t("review.page.library")));
        var form = facts();
        var tags = new Span(String.join("、", r.library().tags()));
        tags.setId("review-library-tags");
        form.addFormItem(tags, t("review.page.library.tags"));
        form.addFormItem(new Span(CompanyTime.time(r.library().at()) + " · " + r.library().byName()),
                t("review.page.library.by"));
        add(form, entry(t("review.page.library.lesson"), r.library().lesson()));
    }

    private FormLayout facts() {
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        return form;
    }

    private String name(String employeeId) {
        if (employeeId == null) {
            return "";
        }
        return directory.personByEmployeeId(employeeId).map(p -> p.name() + " " + p.employeeId()).orElse(employeeId);
    }

    private Span badge(String id, String label, boolean shown) {
        var badge = new Span(shown ? t(label) : "");
        badge.addClassNames("ombud-badge", "ombud-badge-error");
        badge.setId(id);
        badge.setVisible(shown);
        return badge;
    }

    // ---- steps ---------------------------------------------------------------------------

    /** Every step the caller may take has a button; its dialog belongs to the step's family. */
    @Override
    protected StepButton button(ReviewStep step, Review r) {
        String label = step == ReviewStep.ADD_TO_LIBRARY && r.library() != null ? "review.dialog.library.edit"
                : "review.step." + step;
        return new StepButton(buttonId(step), label, () -> open(step));
    }

    /** {@code RECORD_REPLY_ATTEMPT} → {@code action-record-reply-attempt}. */
    static String buttonId(ReviewStep step) {
        return "action-" + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Each step opens the dialog of its family; the panel sides are named here. */
    private void open(ReviewStep step) {
        Review r = current();
        switch (step) {
            case RESUBMIT, WITHDRAW, FORWARD, RETURN_TO_EMPLOYEE -> workOrders.open(step, r);
            case TAKE, RETURN_TO_LEAD, ROUTE, VERIFY, RECORD_SIDE_NOTICE, RECORD_SIDE_ANSWER, JUDGE -> desk.open(step, r);
            case APPEAL, REJUDGE -> appeals.open(step, r);
            case NAME_EMPLOYEE_SIDE -> openPanelSide(r, step, PanelSide.EMPLOYEE);
            case NAME_REVIEW_SIDE -> openPanelSide(r, step, PanelSide.REVIEW);
            case RECORD_REPLY_ATTEMPT, REPORT_SPECIAL, DECIDE_SPECIAL, EXPLAIN_DIRECTLY, REPLY_OTHER ->
                    replies.open(step, r);
            case ADD_TO_LIBRARY, REMOVE_FROM_LIBRARY -> library.open(step, r);
        }
    }

    private void openPanelSide(Review r, ReviewStep step, PanelSide side) {
        var members = new MultiSelectComboBox<Person>(t("review.dialog.panel.members"));
        members.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        // only people who may sit: not the accused or a judge, not on the other side, no owner, admin or site manager
        members.setItems(query -> appeals.service().eligibleMembers(r.id(), side, query.getFilter().orElse(null),
                query.getOffset(), query.getLimit()).stream());
        members.setHelperText(t("review.dialog.panel.hint"));
        members.setWidthFull();
        members.setId("panel-members");
        var dialog = appeals.dialog(step, members);
        StepDialogs.footer(dialog, "panel-side-save", () -> appeals.act(() -> appeals.service().namePanelSide(r.id(),
                side, members.getValue().stream().map(Person::employeeId).sorted().toList(), r.version()), dialog,
                Map.of("members", members)));
    }

    /** Buttons other modules offer on this review ({@link ReviewAction}), after the review's own steps. */
    @Override
    protected List<Component> extraButtons(Review r) {
        List<Component> extra = new ArrayList<>();
        extraActions.orderedStream().forEach(action -> action.create(r, this::reload).ifPresent(extra::add));
        return extra;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

}
