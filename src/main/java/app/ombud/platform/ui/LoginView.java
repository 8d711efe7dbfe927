package app.ombud.platform.ui;

import app.ombud.platform.security.SingleSignOn;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * The portal's login page: local accounts, the company account when single sign-on is
 * configured, and the language switch. It tells why a login did not work: wrong password
 * ({@code ?error}), too many failures from this address ({@code ?throttled=<minutes>}), a
 * refused company sign-in ({@code ?sso=<reason>}), a form posted from a stale page
 * ({@code ?expired}).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView(SingleSignOn.Settings sso) {
        addClassName("ombud-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        var title = new H1(getTranslation("app.name"));
        title.addClassName("ombud-login-title");
        var tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("ombud-login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        var language = new LanguageSwitch();
        var card = new Div(title, tagline, form);
        if (sso.enabled()) {
            var company = new Anchor(sso.loginPath(), getTranslation("login.sso"));
            company.setRouterIgnore(true);
            company.setId("sso-login");
            company.addClassName("ombud-login-sso");
            card.add(company);
        }
        card.add(language);
        card.addClassName("ombud-login-card");
        add(card);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        LoginI18n i18n = i18n();
        String throttled = first(query, "throttled");
        String sso = first(query, "sso");
        if (throttled != null) {
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message",
                    throttled.matches("\\d{1,4}") ? throttled : "15"));
        } else if (sso != null) {
            i18n.getErrorMessage().setTitle(getTranslation("login.sso.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.sso."
                    + (SingleSignOn.REFUSALS.contains(sso) ? sso : "failed")));
        } else if (query.containsKey("expired")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
        }
        form.setI18n(i18n);
        form.setError(query.containsKey("error") || throttled != null || sso != null || query.containsKey("expired"));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.isEmpty() ? "" : values.getFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Ombud";
    }
}
