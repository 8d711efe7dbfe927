package app.ombud.platform.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Lets Vaadin's bootstrap page run its own inline scripts under {@link ContentSecurityPolicy}
 * without {@code 'unsafe-inline'}: each page gets a fresh nonce, on every {@code <script>} of
 * the page Vaadin built and in the page's policy (replacing the nonce-less one that
 * {@link SecurityHeaders} sent). Vaadin calls the listener once the whole page is built.
 */
@Component
class CspNonceStamper implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            String nonce = ContentSecurityPolicy.newNonce();
            page.getDocument().getElementsByTag("script").attr("nonce", nonce);
            page.getVaadinResponse().setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.withNonce(nonce));
        });
    }
}
