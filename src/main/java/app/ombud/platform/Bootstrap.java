package app.ombud.platform;

/**
 * Published once at start, after every bean is ready and before the web server accepts its
 * first connection (and before any scheduled job runs). Modules listen with
 * {@code @EventListener(Bootstrap.class)}, ordered with {@code @Order}, for what the first
 * request relies on: policy version 1, the first admin, the configured API client, interrupted
 * work to finish, the demo data. An exception thrown by a listener stops the start. Readiness
 * reports UP only once every listener is done.
 */
public record Bootstrap() {

    /** The order of the standard steps; a step that needs another runs after it. */
    public static final class Step {
        public static final int POLICY = 0;
        public static final int ADMIN = 10;
        public static final int API_CLIENT = 20;
        public static final int RESUME = 30;
        public static final int DEMO = 100;

        private Step() {
        }
    }
}
