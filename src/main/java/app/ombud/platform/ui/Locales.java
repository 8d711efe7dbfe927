package app.ombud.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's two languages and the cookie that remembers a person's choice. */
public final class Locales {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ZH_CN, EN);
    static final String COOKIE = "ombud-lang";

    private Locales() {
    }

    /** The supported language closest to what the browser or cookie asks for; Chinese by default. */
    public static Locale closest(Locale requested) {
        if (requested == null) {
            return ZH_CN;
        }
        return requested.getLanguage().equals("en") ? EN : ZH_CN;
    }

    static Optional<Locale> fromCookie(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.of(closest(Locale.forLanguageTag(cookie.getValue())));
            }
        }
        return Optional.empty();
    }

    /** Switches the current UI and session to the locale and remembers it for a year. */
    public static void switchTo(Locale locale) {
        Locale chosen = closest(locale);
        VaadinSession.getCurrent().setLocale(chosen);
        UI.getCurrent().setLocale(chosen);
        var response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            ((com.vaadin.flow.server.VaadinServletResponse) response).addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }
}
