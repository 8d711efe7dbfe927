package app.ombud.review.ui;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.Toasts;
import app.ombud.review.ExplanationScript;
import app.ombud.review.Replies;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * When a customer with a direct-explanation case calls, the agent looks up the caller's number
 * and reads the script the review team recorded (SPEC §5).
 */
@Route("reviews/scripts")
@Menu(title = "nav.reviews.scripts", order = 28, icon = "vaadin:comment-ellipsis-o")
@RolesAllowed({"AGENT", "TEAM_LEAD", "REVIEWER", "WHITELIST_OWNER", "SITE_MANAGER", "ADMIN"})
public class ExplanationScriptsView extends VerticalLayout implements HasDynamicTitle {

    private final Replies reviews;
    final TextField phone = new TextField();
    final Button search = new Button();
    final VerticalLayout results = new VerticalLayout();

    public ExplanationScriptsView(Replies reviews) {
        this.reviews = reviews;
        phone.setMaxLength(Kind.PHONE.maxLength());
        addClassName("ombud-view");
        phone.setLabel(t("review.scripts.phone"));
        phone.setHelperText(t("review.scripts.phone.hint"));
        phone.setId("scripts-phone");
        phone.setClearButtonVisible(true);
        search.setText(t("common.search"));
        search.setIcon(VaadinIcon.SEARCH.create());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("scripts-search");
        search.addClickListener(click -> search());
        search.addClickShortcut(Key.ENTER);
        results.setId("scripts-results");
        results.setPadding(false);
        var inputs = new HorizontalLayout(phone, search);
        inputs.setAlignItems(Alignment.BASELINE);
        inputs.addClassName("ombud-toolbar");
        add(inputs, results);
    }

    private void search() {
        phone.setInvalid(false);
        results.removeAll();
        List<ExplanationScript> found;
        try {
            found = reviews.explanationScripts(phone.getValue());
        } catch (OmbudException e) {
            if ("phone".equals(e.field())) {
                phone.setErrorMessage(Toasts.message(e));
                phone.setInvalid(true);
            } else {
                Toasts.error(e);
            }
            return;
        }
        if (found.isEmpty()) {
            var none = new Paragraph(t("review.scripts.none", phone.getValue().strip()));
            none.setId("scripts-none");
            results.add(none);
            return;
        }
        var note = new Paragraph(t("review.scripts.readAloud"));
        note.addClassName("ombud-muted");
        results.add(note);
        for (ExplanationScript script : found) {
            var heading = new H4(t("review.scripts.heading", script.reviewNumber(),
                    script.topic() == null ? "" : script.topic(), CompanyTime.time(script.recordedAt())));
            var text = new Paragraph(script.script());
            text.setId("script-" + script.reviewNumber());
            var card = new Div(heading, text);
            results.add(card);
        }
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.reviews.scripts");
    }
}
