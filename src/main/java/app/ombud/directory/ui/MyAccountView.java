package app.ombud.directory.ui;

import app.ombud.directory.AccountService;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.PortalUser;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Objects;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Everyone's own account: who they are in the directory, a form to choose a new password, and
 * their personal access tokens for the API. A person with a one-time password is sent here until
 * they have chosen their own.
 */
@Route("account")
@Menu(title = "nav.account", order = 990, icon = "vaadin:user-card")
@PermitAll
class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final UserDetailsService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Div notice = new Div();

    final PasswordField current = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField repeat = new PasswordField();

    MyAccountView(AccountService accounts, UserDetailsService users, AuthenticationContext authentication,
            PersonalAccessTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        addClassName("ombud-view");

        notice.setText(getTranslation("account.mustChange"));
        notice.addClassName("ombud-notice");
        notice.setId("account-must-change");
        notice.setVisible(authentication.getAuthenticatedUser(PortalUser.class)
                .map(PortalUser::passwordChangeRequired).orElse(false));

        Actor me = CurrentActor.get();
        String roles = Labels.roles(this, me.roles());
        var facts = new Div(
                new Paragraph(getTranslation("account.employeeId", Objects.toString(me.employeeId(), "—"))),
                new Paragraph(getTranslation("account.name", me.name())),
                new Paragraph(getTranslation("account.roles", roles.isEmpty() ? "—" : roles)));
        facts.setId("account-facts");

        current.setLabel(getTranslation("account.currentPassword"));
        current.setId("account-current");
        newPassword.setLabel(getTranslation("account.newPassword"));
        newPassword.setHelperText(getTranslation("account.newPassword.hint"));
        newPassword.setId("account-new");
        repeat.setLabel(getTranslation("account.repeatPassword"));
        repeat.setId("account-repeat");

        var form = new PasswordForm();
        var binder = new Binder<PasswordForm>();
        binder.forField(current).asRequired(getTranslation("common.required"))
                .bind(f -> f.current, (f, v) -> f.current = v);
        binder.forField(newPassword).asRequired(getTranslation("common.required"))
                .bind(f -> f.newPassword, (f, v) -> f.newPassword = v);
        // only that the two entries agree is checked here; strength rules belong to the service
        binder.forField(repeat).asRequired(getTranslation("common.required"))
                .withValidator(value -> value.equals(newPassword.getValue()), getTranslation("account.mismatch"))
                .bind(f -> f.repeat, (f, v) -> f.repeat = v);
        binder.readBean(form);
        var errors = new FieldErrors().on("currentPassword", current).on("newPassword", newPassword);

        var change = new Button(getTranslation("account.change"), click -> {
            errors.clear();
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            try {
                accounts.changeOwnPassword(form.current, form.newPassword);
            } catch (OmbudException e) {
                errors.show(e);
                return;
            }
            boolean wasRequired = notice.isVisible();
            refreshAuthentication();
            binder.readBean(new PasswordForm());
            notice.setVisible(false);
            Toasts.success(getTranslation("account.changed"));
            if (wasRequired) {
                UI.getCurrent().navigate("");
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("account-change");

        var passwordForm = new FormLayout(current, newPassword, repeat);
        passwordForm.setMaxWidth("40em");
        add(notice, facts, new H3(getTranslation("account.password")), passwordForm, change,
                new AccessTokensSection(tokens, clock));
    }

    /** What the password form edits. */
    static final class PasswordForm {
        String current = "";
        String newPassword = "";
        String repeat = "";
    }

    /**
     * The session still holds the principal from the login, which says the password must be
     * changed; replace it with a fresh one so the forced redirect stops.
     */
    private void refreshAuthentication() {
        var old = SecurityContextHolder.getContext().getAuthentication();
        if (old == null || !(old.getPrincipal() instanceof PortalUser user)) {
            return;
        }
        var fresh = users.loadUserByUsername(user.getUsername());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        authentication.setDetails(old.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        var request = VaadinServletRequest.getCurrent();
        var response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            contexts.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.account");
    }
}
