package app.ombud.review.ui;

import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import app.ombud.review.WorkOrders;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;

/** The work order's steps: resubmit (on the form), withdraw, the team lead's forward and return. */
final class WorkOrderDialogs extends ReviewDialogs {

    private final WorkOrders workOrders;

    WorkOrderDialogs(VerticalLayout page, WorkOrders workOrders, Clock clock, Runnable reload) {
        super(page, clock, reload);
        this.workOrders = workOrders;
    }

    @Override
    void open(ReviewStep step, Review r) {
        switch (step) {
            case RESUBMIT -> page.getUI().ifPresent(ui -> WorkOrderFormView.openResubmit(ui, r.id()));
            case WITHDRAW -> text(step, "review.dialog.reason", "withdraw-reason", "reason", "withdraw-save",
                    reason -> workOrders.withdraw(r.id(), reason, r.version()));
            case FORWARD -> text(step, "review.dialog.note", "forward-note", "note", "forward-save",
                    note -> workOrders.forward(r.id(), note, r.version()));
            case RETURN_TO_EMPLOYEE -> text(step, "review.dialog.missing", "return-employee-note", "note",
                    "return-employee-save", note -> workOrders.returnToEmployee(r.id(), note, r.version()));
            default -> throw new IllegalArgumentException(step + " is not a step of this family");
        }
    }

}
