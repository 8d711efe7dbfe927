package app.ombud.platform.ui;

import app.ombud.platform.OmbudException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A friendly page for anything unexpected: what happened in plain words, a reference to give
 * the admin (the same reference is in the server log with the details), and a way back.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("ombud-error");
        Exception e = parameter.getCaughtException();
        if (e instanceof OmbudException domain) {
            add(new H2(getTranslation("errorpage.title")), new Paragraph(Toasts.message(domain)), home());
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Portal error {} at {}", reference, event.getLocation().getPath(), e);
        add(new H2(getTranslation("errorpage.title")),
                new Paragraph(getTranslation("errorpage.message")),
                new Paragraph(getTranslation("errorpage.reference", reference)),
                home());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private Anchor home() {
        return new Anchor("", getTranslation("errorpage.home"));
    }
}
