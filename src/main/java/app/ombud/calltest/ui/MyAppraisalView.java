package app.ombud.calltest.ui;

import app.ombud.calltest.Appraisals;
import app.ombud.platform.CurrentActor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The signed-in person's own test-call appraisal of a period, linked from their results (no menu entry). */
@Route("my-test-call-appraisal")
@PermitAll
public class MyAppraisalView extends VerticalLayout implements HasDynamicTitle {

    final AppraisalPanel panel;

    public MyAppraisalView(Appraisals appraisals) {
        addClassName("ombud-view");
        setSizeFull();
        panel = new AppraisalPanel(appraisals, CurrentActor.find().map(a -> a.key()).orElse(""));
        add(panel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calltest.appraisal.mine");
    }
}
