package app.ombud.platform.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.stereotype.Component;

/**
 * Each new UI gets the language the person chose before (cookie), else the browser's
 * preference mapped to zh-CN or en, and so does what its connection indicator says.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            var request = VaadinServletRequest.getCurrent();
            var locale = request == null ? Locales.closest(ui.getLocale())
                    : Locales.fromCookie(request.getCookies()).orElseGet(() -> Locales.closest(request.getLocale()));
            ui.setLocale(locale);
            ui.getSession().setLocale(locale);
            ConnectionTexts.apply(ui);
        });
    }
}
