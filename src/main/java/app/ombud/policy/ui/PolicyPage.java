package app.ombud.policy.ui;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every policy page shares: it edits on top of the version it read, shows a service error
 * next to the field the error names (or as a toast), offers a reload on a version conflict and
 * reloads from the new version after a save. The rules themselves stay in the policy records.
 */
abstract class PolicyPage extends VerticalLayout implements HasDynamicTitle {

    protected final PolicyService policies;
    /** The version the form was filled from: the base of the next save. */
    protected PolicyVersion base;
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final List<HasValidation> invalid = new ArrayList<>();
    protected final Span versionInfo = new Span();
    private final String titleKey;

    PolicyPage(PolicyService policies, String titleKey) {
        this.policies = policies;
        this.titleKey = titleKey;
        addClassNames("ombud-view", "ombud-policy");
        versionInfo.addClassName("ombud-muted");
        versionInfo.setId("policy-version");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }

    /** Re-reads the version in force and fills the forms from it. */
    protected final void reload() {
        base = policies.current();
        clearErrors();
        versionInfo.setText(getTranslation("policy.editingVersion", base.number()));
        fill(base);
    }

    protected abstract void fill(PolicyVersion version);

    /** Registers the component that shows errors of a service field such as {@code levels[2].name}. */
    protected <T extends HasValidation> T field(String path, T component) {
        fields.put(path, component);
        return component;
    }

    protected void save(Supplier<PolicyVersion> action) {
        clearErrors();
        try {
            PolicyVersion saved = action.get();
            Toasts.success(getTranslation("policy.saved", saved.number()));
            reload();
        } catch (OmbudException e) {
            failed(e);
        }
    }

    protected void failed(OmbudException e) {
        if ("POLICY_VERSION_CONFLICT".equals(e.code())) {
            conflict(e);
            return;
        }
        HasValidation target = e.field() == null ? null : fields.get(e.field());
        if (target != null) {
            target.setErrorMessage(Toasts.message(e));
            target.setInvalid(true);
            invalid.add(target);
        }
        Toasts.error(e);
    }

    private void conflict(OmbudException e) {
        var notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        var reload = new Button(getTranslation("policy.reload"), click -> {
            notification.close();
            reload();
        });
        reload.setId("policy-conflict-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var close = new Button(getTranslation("policy.close"), click -> notification.close());
        notification.add(new HorizontalLayout(new Span(Toasts.message(e)), reload, close));
        notification.open();
    }

    private void clearErrors() {
        invalid.forEach(f -> f.setInvalid(false));
        invalid.clear();
    }

    protected TextField comment() {
        var comment = new TextField(getTranslation("policy.comment"));
        comment.setMaxLength(Kind.NOTE.maxLength());
        comment.setWidth("30em");
        return comment;
    }

    protected Button saveButton(String id, Runnable action) {
        var save = new Button(getTranslation("policy.save"), click -> action.run());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId(id);
        return save;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
