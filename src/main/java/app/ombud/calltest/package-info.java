/**
 * Test calls (拨测, SPEC §4): mystery-shopper calls and chats a management group plans each
 * quarter, draws by stratified sampling, executes against a scenario library kept confidential
 * from the agents, and scores against the scorecard of the policy version in force (ANALYTICS.md
 * §1); the measures and statistics per team and agent, the weak spots and the monthly and
 * quarterly reports come from those calls. Its root package is its API: {@link
 * app.ombud.calltest.Scoring} scores a call's answers on a {@link app.ombud.policy.Scorecard}.
 * It raises improvement actions and records their re-tests through the {@code improvement}
 * module's API; that module never depends on this one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: ui",
        "platform :: export", "policy", "directory", "improvement", "improvement :: ui", "notification"})
package app.ombud.calltest;
