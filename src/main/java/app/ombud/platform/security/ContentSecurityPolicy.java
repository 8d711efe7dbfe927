package app.ombud.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The portal's Content-Security-Policy: as strict as Vaadin 25.2 in production mode with its
 * precompiled bundle allows (vaadin.com/docs/v25/flow/security/advanced-topics/strict-csp and
 * .../frequent-issues). Every directive and why:
 * <ul>
 * <li>{@code default-src 'self'}: everything (UIDL and upload requests, the bundle's chunks,
 * Lumo's and our {@code frontend/} stylesheets, the ECharts WebJar, images, fonts, frames) comes
 * from Ombud itself; nothing from another origin.</li>
 * <li>{@code script-src 'self' 'unsafe-eval'} plus, on Vaadin's bootstrap page only, a fresh
 * {@code 'nonce-…'} that {@link CspNonceStamper} puts on the page's own inline scripts (the
 * old-browser check, {@code window.Vaadin} set-up, the CSRF form-data hook). No
 * {@code 'unsafe-inline'}: an injected {@code <script>} or {@code onclick=} does not run.
 * {@code 'unsafe-eval'} stays because the Flow client of 25.2 builds functions from the
 * JavaScript the server sends ({@code executeJs}, event data expressions) with
 * {@code new Function}; only Vaadin 25.4 moves that into the bundle.</li>
 * <li>{@code style-src 'self' 'unsafe-inline'}: the bootstrap page and the web components insert
 * {@code <style>} elements and style attributes without a nonce (vaadin/web-components#8031);
 * Vaadin documents this as required.</li>
 * <li>{@code img-src 'self' data: blob:} and {@code font-src 'self' data:}: Lumo's icons and some
 * component images are data URLs; blob: for previews of files picked for upload.</li>
 * <li>{@code object-src 'none'}, {@code base-uri 'self'} (Vaadin writes {@code <base href=".">}),
 * {@code frame-ancestors 'self'}: no plugins, no foreign base URL, no framing by other sites
 * (Vaadin itself sends {@code X-Frame-Options: SAMEORIGIN}).</li>
 * <li>No {@code form-action}: Chromium also checks it on the redirects after a form post, and the
 * login form's redirect may lead on to an OAuth client's redirect URI on another origin.</li>
 * </ul>
 */
final class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SCRIPTS = "script-src 'self' 'unsafe-eval'";

    private static final String POLICY = String.join("; ",
            "default-src 'self'",
            SCRIPTS,
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'self'");

    private ContentSecurityPolicy() {
    }

    /** The policy of every response. */
    static String policy() {
        return POLICY;
    }

    /** The policy of a page whose own inline scripts carry this nonce. */
    static String withNonce(String nonce) {
        return POLICY.replace(SCRIPTS, "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'");
    }

    /** 128 random bits, fresh for every page. */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
